package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.FOLLOW_UP_ON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code Flow_FollowUpAhead} on take: remembers the next follow-up day in the activity's instance, so that the timer,
 * the task's due date and the next round's "after" all mean the same day.
 */
@Component
class PlanNextFollowUpListener implements ExecutionListener {

  private final ActivityFollowUps followUps;

  PlanNextFollowUpListener(ActivityFollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FOLLOW_UP_ON.set(execution, followUps.next(execution).orElseThrow().toString());
  }
}
