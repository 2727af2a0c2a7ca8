package se.tryggsamverkan.reminder.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
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

  PlanRemindersDelegate(TaskService tasks, RuntimeService runtime, ReminderPlanning planning, MeetingSummons summons,
      AgreementRepository agreements, EngineClock clock, @Value("${trygg.mail.tasklist-url}") String tasklistUrl) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.planning = planning;
    this.summons = summons;
    this.agreements = agreements;
    this.clock = clock;
    this.tasklistUrl = tasklistUrl.endsWith("/") ? tasklistUrl : tasklistUrl + "/";
  }

  @Override
  public void execute(DelegateExecution execution) {
    var now = clock.now();
    summons.councilMeetings(now);
    summons.cancelMeetingsOfEndedCycles(now,
        processInstanceId -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
    List<Task> due = tasks.createTaskQuery().active().dueBefore(Date.from(planning.horizon(now).toInstant()))
        .list();
    Map<String, Optional<Agreement>> agreementsById = new HashMap<>();
    List<TaskFacts> facts = new ArrayList<>();
    for (Task task : due) {
      Object agreementId = tasks.getVariable(task.getId(), "agreementId");
      Optional<Agreement> agreement = agreementId == null ? Optional.empty()
          : agreementsById.computeIfAbsent(agreementId.toString(), agreements::findById);
      List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      facts.add(new TaskFacts(task.getId(), task.getName(), task.getTenantId(),
          agreement.map(Agreement::municipality).orElse(null), task.getDueDate().toInstant().atZone(clock.zone()),
          task.getAssignee(), groups, agreementId == null ? null : agreementId.toString()));
    }
    List<Long> mails = planning.plan(facts, now, taskId -> tasklistUrl + "#/?task=" + taskId);
    MailBatch.set(execution, mails);
  }
}
