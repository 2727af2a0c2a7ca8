package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.followup.FollowUpReporting;

/**
 * {@code Task_FollowUpActivity} on complete: stores the owner's status and comment and the promise occurrences typed
 * into the form, all or nothing; an open half-year follow-up shows them at once.
 */
@Component
class RecordActivityFollowUpListener implements TaskListener {

  private final FollowUpReporting reporting;
  private final CompileFollowUpStatusListener halfYearStatus;
  private final EngineClock clock;

  RecordActivityFollowUpListener(FollowUpReporting reporting, CompileFollowUpStatusListener halfYearStatus,
      EngineClock clock) {
    this.reporting = reporting;
    this.halfYearStatus = halfYearStatus;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    reporting.report(ACTIVITY_ID.from(task), ACTIVITY_STATUS.optionalFrom(task).orElse(null),
        STATUS_COMMENT.optionalFrom(task).orElse(null), PROMISE_OCCURRENCES.optionalFrom(task).orElse(null),
        task.getId(), CurrentUser.of(task), clock.today());
    halfYearStatus.refresh(task);
  }
}
