package se.tryggsamverkan.reminder.engine;

import java.util.Arrays;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.reminder.MailDelivery;

/**
 * {@code Task_SendMail}: delivers one batch of recorded mails in a job of its own; a failure is retried by the
 * engine (R5/PT5M) and becomes an incident in Cockpit when the retries run out.
 */
@Component
class SendMailDelegate implements JavaDelegate {

  private final MailDelivery delivery;
  private final TaskService tasks;

  SendMailDelegate(MailDelivery delivery, TaskService tasks) {
    this.delivery = delivery;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    delivery.deliverAll(Arrays.stream(ReminderSweepProcess.MAIL_ID.from(execution).split(","))
        .map(Long::valueOf).toList(), this::open);
  }

  /** Which of these tasks are open, in one query. */
  private java.util.Set<String> open(java.util.Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return java.util.Set.of();
    }
    return tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list().stream()
        .map(org.camunda.bpm.engine.task.Task::getId).collect(java.util.stream.Collectors.toSet());
  }
}
