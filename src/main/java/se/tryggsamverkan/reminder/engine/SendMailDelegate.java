package se.tryggsamverkan.reminder.engine;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.reminder.MailDelivery;

/**
 * {@code Task_SendMail}: delivers one recorded mail in a job of its own; a failure is retried by the engine
 * (R5/PT5M) and becomes an incident in Cockpit when the retries run out.
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
    delivery.deliver(Long.parseLong(ReminderSweepProcess.MAIL_ID.from(execution)),
        taskId -> tasks.createTaskQuery().taskId(taskId).count() > 0);
  }
}
