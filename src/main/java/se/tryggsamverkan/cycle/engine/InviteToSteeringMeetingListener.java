package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.reminder.MeetingSummons;
import se.tryggsamverkan.common.FormLimits;

/**
 * {@code Task_PrepareSteeringGroup} (the decision meeting) and {@code Task_ScheduleFollowUpMeeting} (the half-year
 * follow-up) on complete: the meeting the coordinators set is sent as a summons (with an .ics file) to the
 * steering group and both coordinators; a meeting already held is not.
 */
@Component
class InviteToSteeringMeetingListener implements TaskListener {

  private final MeetingSummons summons;
  private final EngineClock clock;

  InviteToSteeringMeetingListener(MeetingSummons summons, EngineClock clock) {
    this.summons = summons;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Object dateValue = STEERING_MEETING_DATE.optionalFrom(task).orElse(null);
    if (dateValue == null) {
      return;
    }
    FieldChecks checks = new FieldChecks();
    var date = checks.requiredDate(STEERING_MEETING_DATE.name(), dateValue, "Styrgruppens möte");
    String timeText = STEERING_MEETING_TIME.optionalFrom(task).orElse("13:00").trim();
    LocalTime time = null;
    try {
      time = LocalTime.parse(timeText.length() == 4 ? "0" + timeText : timeText);
    } catch (DateTimeParseException e) {
      checks.fail(STEERING_MEETING_TIME.name(), "Tid '" + timeText + "' kan inte läsas: skriv till exempel 13:00");
    }
    String place = checks.optionalText(STEERING_MEETING_PLACE.name(),
        STEERING_MEETING_PLACE.optionalFrom(task).orElse(null), "Plats",
        FormLimits.max("prepareSteeringGroup", "steeringMeetingPlace"));
    int cycleYear = CYCLE_YEAR.from(task);
    if (date != null && date.getYear() > cycleYear + 1) {
      // a meeting for this cycle is held by the end of the year after it at the latest (9999-12-31 was taken)
      checks.fail(STEERING_MEETING_DATE.name(), "Styrgruppens möte " + date + " ligger för långt fram: senast "
          + (cycleYear + 1) + "-12-31 för årscykel " + cycleYear);
    }
    checks.throwIfAny();
    if (date.isBefore(clock.today())) {
      return; // a meeting already held (a plan registered afterwards) needs no summons
    }
    int year = cycleYear;
    String matter = TASK_SCHEDULE_FOLLOW_UP_MEETING.equals(task.getTaskDefinitionKey())
        ? "Halvårsuppföljning av aktiviteter och medborgarlöften för " + year + "."
        : "Beslut om åtgärdsplan och förslag till medborgarlöften för " + year + ".";
    var type = TASK_SCHEDULE_FOLLOW_UP_MEETING.equals(task.getTaskDefinitionKey())
        ? MeetingSummons.MeetingType.STEERING_HALF_YEAR : MeetingSummons.MeetingType.STEERING_DECISION;
    summons.steeringMeeting(AGREEMENT_ID.from(task), task.getProcessInstanceId(), type, cycleYear, date, time,
        place == null ? "Plats meddelas senare" : place, matter, clock.zone(), clock.now());
  }
}
