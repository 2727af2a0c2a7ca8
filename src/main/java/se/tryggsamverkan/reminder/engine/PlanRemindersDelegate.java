package se.tryggsamverkan.reminder.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.reminder.MeetingSummons;
import se.tryggsamverkan.reminder.ReminderPlanning;
import se.tryggsamverkan.reminder.TaskFacts;

/**
 * {@code Task_PlanReminders}: records the invitations to council meetings two weeks ahead and the cancellations
 * of meetings whose cycle has ended, then reads the open tasks due within the reminder window or overdue, as they
 * are now (due date, assignee, candidate groups), and records the mails they call for.
 */
@Component
class PlanRemindersDelegate implements JavaDelegate {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ReminderPlanning planning;
  private final MeetingSummons summons;
  private final AgreementRepository agreements;
  private final EngineClock clock;
  private final String tasklistUrl;
  private final JdbcClient jdbc;

  private static final int CHUNK = 500;
  private static final String AGREEMENT_ID = "agreementId";

  PlanRemindersDelegate(TaskService tasks, RuntimeService runtime, ReminderPlanning planning, MeetingSummons summons,
      AgreementRepository agreements, EngineClock clock, @Value("${trygg.mail.tasklist-url}") String tasklistUrl,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.runtime = runtime;
    this.planning = planning;
    this.summons = summons;
    this.agreements = agreements;
    this.clock = clock;
    this.tasklistUrl = tasklistUrl.endsWith("/") ? tasklistUrl : tasklistUrl + "/";
  }

  /**
   * The candidate groups of these tasks, in one read per 500 tasks. Camunda's API answers per task only, and a
   * sweep reads thousands; its identity-link table is read directly, here in the engine's own package.
   */
  private Map<String, List<String>> candidateGroups(List<String> taskIds) {
    Map<String, List<String>> groups = new HashMap<>();
    for (int from = 0; from < taskIds.size(); from += CHUNK) {
      jdbc.sql("select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = :type and GROUP_ID_ is not null "
              + "and TASK_ID_ in (:ids) order by TASK_ID_, GROUP_ID_")
          .param("type", IdentityLinkType.CANDIDATE).param("ids", taskIds.subList(from, Math.min(taskIds.size(),
              from + CHUNK)))
          .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
          .forEach(link -> groups.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
    }
    return groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var now = clock.now();
    summons.councilMeetings(now);
    summons.cancelMeetingsOfEndedCycles(now,
        processInstanceId -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
    List<Task> due = tasks.createTaskQuery().active().dueBefore(Date.from(planning.horizon(now).toInstant()))
        .list();
    // the agreement of each task's instance and each task's candidate groups, read for all of them at once
    Map<String, String> agreementOfInstance = new HashMap<>();
    List<String> instances = due.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct().toList();
    for (int from = 0; from < instances.size(); from += CHUNK) {
      runtime.createVariableInstanceQuery().variableName(AGREEMENT_ID)
          .processInstanceIdIn(instances.subList(from, Math.min(instances.size(), from + CHUNK)).toArray(String[]::new))
          .list().forEach(v -> agreementOfInstance.putIfAbsent(v.getProcessInstanceId(), String.valueOf(v.getValue())));
    }
    Map<String, List<String>> groupsOfTask = candidateGroups(due.stream().map(Task::getId).toList());
    Map<String, Optional<Agreement>> agreementsById = new HashMap<>();
    List<TaskFacts> facts = new ArrayList<>();
    for (Task task : due) {
      String agreementId = task.getProcessInstanceId() == null ? null
          : agreementOfInstance.get(task.getProcessInstanceId());
      Optional<Agreement> agreement = agreementId == null ? Optional.empty()
          : agreementsById.computeIfAbsent(agreementId, agreements::findById);
      facts.add(new TaskFacts(task.getId(), task.getName(), task.getTenantId(),
          agreement.map(Agreement::municipality).orElse(null), task.getDueDate().toInstant().atZone(clock.zone()),
          task.getAssignee(), groupsOfTask.getOrDefault(task.getId(), List.of()), agreementId));
    }
    List<Long> mails = planning.plan(facts, now, taskId -> tasklistUrl + "#/?task=" + taskId);
    MailBatch.set(execution, mails);
  }
}
