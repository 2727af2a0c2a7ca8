package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.followup.FollowUpSchedule;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.engine.EngineClock;

/**
 * The expressions of {@code SubProcess_ActivityFollowUp}: its collection (the approved plan's activities), whether
 * and when the next follow-up comes, who reports and by when, and the day an unfinished activity turns "Försenad".
 */
@Component("activityFollowUps")
public class ActivityFollowUps {

  /** Transient (never stored): the next follow-up day as the gateway decided it, "" for none. */
  private static final String NEXT_DAY_DECIDED = "nextFollowUpDecided";
  /** Transient (never stored): the activity's row as read in this transaction. */
  private static final String PLANNED_ACTIVITY = "plannedActivity";

  private final ActivityFollowUp followUp;
  private final Directory directory;
  private final EngineClock clock;

  ActivityFollowUps(ActivityFollowUp followUp, Directory directory, EngineClock clock) {
    this.followUp = followUp;
    this.directory = directory;
    this.clock = clock;
  }

  /** The multi-instance's collection: the approved plan's activities, but not one an approved change stopped. */
  public List<Long> activityIds(DelegateExecution execution) {
    return followUp.approvedActivities(AGREEMENT_ID.from(execution), CYCLE_YEAR.from(execution)).stream()
        .filter(a -> a.stop().isEmpty()).map(ActivityFollowUp.PlannedActivity::id).toList();
  }

  /**
   * {@code Gateway_MoreFollowUps}: the activity is not reported finished and the year has a follow-up left. The day
   * is kept for this transaction (a transient variable), for {@code PlanNextFollowUpListener} on the flow taken.
   */
  public boolean hasNext(DelegateExecution execution) {
    Optional<LocalDate> next = next(ACTIVITY_ID.from(execution),
        FOLLOW_UP_ON.optionalFrom(execution).map(LocalDate::parse));
    execution.setVariableLocal(NEXT_DAY_DECIDED, Variables.stringValue(next.map(LocalDate::toString).orElse(""), true));
    return next.isPresent();
  }

  /** The next follow-up after the previous one and after today, as {@link #hasNext} decided it. */
  Optional<LocalDate> next(DelegateExecution execution) {
    if (execution.getVariableLocal(NEXT_DAY_DECIDED) instanceof String decided) {
      return decided.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(decided));
    }
    return next(ACTIVITY_ID.from(execution), FOLLOW_UP_ON.optionalFrom(execution).map(LocalDate::parse));
  }

  /**
   * The activity's row, read once per transaction for its instance (a transient variable): the task's assignee
   * and its name both need it when a follow-up task is created.
   */
  ActivityFollowUp.PlannedActivity planned(DelegateExecution execution) {
    if (execution.getVariableLocal(PLANNED_ACTIVITY) instanceof ActivityFollowUp.PlannedActivity read) {
      return read;
    }
    ActivityFollowUp.PlannedActivity read = followUp.activity(ACTIVITY_ID.from(execution));
    execution.setVariableLocal(PLANNED_ACTIVITY, Variables.objectValue(read, true).create());
    return read;
  }

  /**
   * The next follow-up of an activity after today and after its previous follow-up day, if any; also what a waiting
   * {@code Timer_NextFollowUp} is moved to when the activity's dates change ({@code RunningYearFollowsPlan}).
   */
  Optional<LocalDate> next(long activityId, Optional<LocalDate> previous) {
    LocalDate today = clock.today();
    LocalDate after = today;
    if (previous.isPresent() && previous.get().isAfter(after)) {
      after = previous.get();
    }
    Optional<LocalDate> next = followUp.nextFollowUp(activityId, after);
    if (next.isEmpty() && previous.isEmpty() && lastDay(followUp.activity(activityId)).isBefore(today)
        && !followUp.latestReport(activityId).map(r -> r.status().isFinished()).orElse(false)) {
      // the plan was signed after the activity ended (an agreement registered late): its owner reports once, now
      return Optional.of(today);
    }
    return next;
  }

  /** {@code Timer_NextFollowUp}: the start of the follow-up day. */
  public Date followUpDate(DelegateExecution execution) {
    return clock.startOfDay(LocalDate.parse(FOLLOW_UP_ON.from(execution)));
  }

  /** {@code Task_FollowUpActivity}'s due date: two weeks after the follow-up day. */
  public Date reportDue(DelegateExecution execution) {
    return clock.endOfDay(LocalDate.parse(FOLLOW_UP_ON.from(execution)).plusDays(FollowUpSchedule.DAYS_TO_REPORT));
  }

  /** The activity's responsible person when that is a user of the municipality; else the coordinators take it. */
  public String owner(DelegateExecution execution) {
    return ownerOf(planned(execution), execution.getTenantId());
  }

  /** The assignee of the activity's follow-up task, from the activity's row as it is now. */
  String owner(long activityId, String tenantId) {
    return ownerOf(followUp.activity(activityId), tenantId);
  }

  private String ownerOf(ActivityFollowUp.PlannedActivity planned, String tenantId) {
    String person = planned.activity().responsiblePerson();
    return person != null && directory.isUserInTenant(person, tenantId) ? person : null;
  }

  /**
   * {@code Timer_ActivityOverdue}: the day after the activity's end, or after the cycle's year for an activity that
   * runs on (then nothing is late yet and the next year's cycle follows it up). For an activity that had already
   * ended when the plan was signed, the day after its catch-up follow-up was due.
   */
  public Date overdueDate(DelegateExecution execution) {
    return clock.startOfDay(overdueOn(ACTIVITY_ID.from(execution)));
  }

  /** The day {@code Timer_ActivityOverdue} fires for the activity's row as it is now (see {@link #overdueDate}). */
  LocalDate overdueOn(long activityId) {
    LocalDate dayAfter = lastDay(followUp.activity(activityId)).plusDays(1);
    LocalDate today = clock.today();
    // an activity that ended before its plan was signed turns late only if its catch-up report does not come
    LocalDate catchUpMissed = today.plusDays(FollowUpSchedule.DAYS_TO_REPORT + 1L);
    return dayAfter.isAfter(today) ? dayAfter : catchUpMissed;
  }

  /** The activity's end, or 31 December of the cycle's year for one that runs on. */
  private static LocalDate lastDay(ActivityFollowUp.PlannedActivity planned) {
    LocalDate yearEnd = LocalDate.of(planned.year(), 12, 31);
    return planned.activity().end().isBefore(yearEnd) ? planned.activity().end() : yearEnd;
  }
}
