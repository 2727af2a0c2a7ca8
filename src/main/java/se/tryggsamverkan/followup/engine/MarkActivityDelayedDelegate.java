package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.ACTIVITY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.reminder.ActivityDelayNotice;

/**
 * {@code Task_MarkActivityDelayed}: the day after its end, an activity its owner has not reported finished becomes
 * "Försenad", and its owner and both coordinators are told.
 */
@Component
class MarkActivityDelayedDelegate implements JavaDelegate {

  private final ActivityFollowUp followUp;
  private final ActivityDelayNotice notice;
  private final EngineClock clock;

  MarkActivityDelayedDelegate(ActivityFollowUp followUp, ActivityDelayNotice notice, EngineClock clock) {
    this.followUp = followUp;
    this.notice = notice;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long activityId = ACTIVITY_ID.from(execution);
    if (followUp.markDelayedIfUnfinished(activityId, clock.today())) {
      notice.tell(followUp.activity(activityId), clock.now());
    }
  }
}
