package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.HalfYearFollowUp;

/** {@code Task_HalfYearFollowUp} on complete: stores the steering group's conclusions and changes to the plan. */
@Component
class RecordHalfYearFollowUpListener implements TaskListener {

  private final HalfYearFollowUp halfYear;
  private final EngineClock clock;

  RecordHalfYearFollowUpListener(HalfYearFollowUp halfYear, EngineClock clock) {
    this.halfYear = halfYear;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    halfYear.record(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task), HALF_YEAR_CONCLUSIONS.optionalFrom(task).orElse(null),
        HALF_YEAR_PLAN_CHANGES.optionalFrom(task).orElse(null), task.getId(), CurrentUser.of(task), heldOn(task));
  }

  /**
   * The day of the meeting the coordinators summoned the steering group to, when it has been held; the day the
   * task is completed otherwise. The report's "Styrgruppens möte" showed the completion day.
   */
  private LocalDate heldOn(DelegateTask task) {
    LocalDate today = clock.today();
    return STEERING_MEETING_DATE.optionalFrom(task).flatMap(RecordHalfYearFollowUpListener::date)
        .filter(meeting -> !meeting.isAfter(today)).orElse(today);
  }

  private static java.util.Optional<LocalDate> date(String text) {
    try {
      return java.util.Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }
}
