package se.tryggsamverkan.reminder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of one sweep, each looked up once: the members of a group in a municipality, a user, an agreement's
 * escalation list. A sweep covers thousands of tasks but a few hundred groups and agreements; it lasts a second,
 * so nothing it keeps can go stale that a later sweep would not see.
 */
final class OneSweepRecipients implements Recipients {

  private final Recipients people;
  private final Map<List<Object>, List<Recipient>> reminders = new HashMap<>();
  private final Map<List<Object>, List<Recipient>> escalations = new HashMap<>();
  private final Map<List<String>, List<Recipient>> users = new HashMap<>();

  OneSweepRecipients(Recipients people) {
    this.people = people;
  }

  @Override
  public List<Recipient> forReminder(TaskFacts task) {
    return reminders.computeIfAbsent(List.of(String.valueOf(task.assignee()), task.candidateGroups(),
        String.valueOf(task.tenantId())), key -> people.forReminder(task));
  }

  @Override
  public List<Recipient> users(List<String> userIds) {
    return users.computeIfAbsent(List.copyOf(userIds), people::users);
  }

  @Override
  public List<Recipient> forEscalation(TaskFacts task) {
    // the agreement's people, or the reminder's when there is no agreement: the key holds everything either reads
    return escalations.computeIfAbsent(List.of(String.valueOf(task.agreementId()), String.valueOf(task.assignee()),
        task.candidateGroups(), String.valueOf(task.tenantId())), key -> people.forEscalation(task));
  }
}
