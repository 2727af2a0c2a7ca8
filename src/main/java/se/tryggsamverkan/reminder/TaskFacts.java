package se.tryggsamverkan.reminder;

import java.time.ZonedDateTime;
import java.util.List;

/** An open task with a due date, as the reminder sweep sees it. */
public record TaskFacts(String taskId, String name, String tenantId, String municipality, ZonedDateTime due,
    String assignee, List<String> candidateGroups, String agreementId) {
}
