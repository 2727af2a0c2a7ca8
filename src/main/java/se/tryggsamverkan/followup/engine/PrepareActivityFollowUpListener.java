package se.tryggsamverkan.followup.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FollowUpActivity} on create: names the task after its activity, so that Tasklist's list, the
 * reminders and Cockpit say which activity it is. What the form shows is read when it is opened
 * ({@code ActivityFollowUpFormValues}), not written into the task.
 */
@Component
class PrepareActivityFollowUpListener implements TaskListener {

  private static final int NAME_LENGTH = 120;

  private final ActivityFollowUps followUps;

  PrepareActivityFollowUpListener(ActivityFollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void notify(DelegateTask task) {
    String name = "Följ upp: " + followUps.planned(task.getExecution()).activity().description();
    task.setName(name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH - 1) + "…" : name);
  }
}
