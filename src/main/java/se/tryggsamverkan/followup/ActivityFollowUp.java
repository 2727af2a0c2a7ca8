package se.tryggsamverkan.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.plan.Activity;
import se.tryggsamverkan.plan.PlanRepository;
import se.tryggsamverkan.common.FormLimits;

/**
 * The activities of a year's approved plan during implementation: what their owners report at each follow-up, the
 * "Försenad" the calendar sets by itself, and each activity's status on a day.
 */
@Service
public class ActivityFollowUp {

  /**
   * An activity of the approved plan, with the keys the follow-up needs.
   *
   * @param stop when and why an approved change stopped it; empty while it runs
   */
  public record PlannedActivity(long id, String agreementId, int year, int position, Activity activity,
      Optional<Stop> stop) {

    public Optional<LocalDate> stoppedOn() {
      return stop.map(Stop::on);
    }
  }

  /** An approved change stopped the activity from {@code on}, for {@code reason}. */
  public record Stop(LocalDate on, String reason) {
  }

  /** The latest report on an activity. */
  public record Report(ActivityStatus status, String comment, LocalDate reportedOn, String reportedBy,
      boolean automatic) {
  }

  /** An activity's status on a day, from its dates and its latest report. */
  public record State(PlannedActivity planned, ActivityStatus status, Optional<Report> latest) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  ActivityFollowUp(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** The activities of the latest (approved) version of the year's plan, in the plan's order. */
  @Transactional(readOnly = true)
  public List<PlannedActivity> approvedActivities(String agreementId, int year) {
    return jdbc.sql("select * from activity where agreement_id = :a and cycle_year = :y and plan_version = "
            + "(select max(version) from plan_version where agreement_id = :a and cycle_year = :y) order by position")
        .param("a", agreementId).param("y", year).query(ActivityFollowUp::planned).list();
  }

  @Transactional(readOnly = true)
  public PlannedActivity activity(long id) {
    return jdbc.sql("select * from activity where id = :id").param("id", id).query(ActivityFollowUp::planned)
        .optional().orElseThrow(() -> new IllegalStateException("No activity with id " + id));
  }

  @Transactional(readOnly = true)
  public Optional<Report> latestReport(long activityId) {
    return jdbc.sql("select * from activity_report where activity_id = :id order by id desc limit 1")
        .param("id", activityId).query(ActivityFollowUp::report).optional();
  }

  /**
   * The next follow-up of an activity after {@code after}: none once its owner has reported it finished, or when
   * the year has no follow-up left, or it was stopped.
   */
  @Transactional(readOnly = true)
  public Optional<LocalDate> nextFollowUp(long activityId, LocalDate after) {
    PlannedActivity planned = activity(activityId);
    if (planned.stop().isPresent() || latestReport(activityId).map(r -> r.status().isFinished()).orElse(false)) {
      return Optional.empty();
    }
    Activity a = planned.activity();
    return FollowUpSchedule.next(a.start(), a.end(), a.followUpInterval(), planned.year(), after);
  }

  /** Stores what the owner reported in a follow-up task; refuses a missing or unknown status and an empty comment. */
  @Transactional
  public void report(PlannedActivity planned, Object status, Object comment, String taskId, String reportedBy,
      LocalDate today) {
    FieldChecks checks = new FieldChecks();
    ActivityStatus reported = status(checks, status);
    String text = checks.requiredText("statusComment", comment, "Kommentar",
        FormLimits.max("activityFollowUp", "statusComment"));
    LocalDate start = planned.activity().start();
    if (reported != null && reported.isFinished() && today.isBefore(start)) {
      checks.fail("activityStatus", "Aktiviteten kan inte vara avslutad före sitt startdatum " + start);
    }
    checks.throwIfAny();
    insert(planned.id(), reported, text, today, reportedBy, false, taskId);
  }

  /**
   * From the day after an activity's end: unless its owner reported it finished or it was stopped, it becomes
   * "Försenad" by itself.
   * True when it did, so that its owner and the coordinators are told.
   */
  @Transactional
  public boolean markDelayedIfUnfinished(long activityId, LocalDate today) {
    PlannedActivity planned = activity(activityId);
    LocalDate end = planned.activity().end();
    Optional<Report> latest = latestReport(activityId);
    if (!today.isAfter(end) || planned.stop().isPresent() || latest.map(r -> r.status().isFinished() || r.automatic()).orElse(false)) {
      return false;
    }
    insert(activityId, ActivityStatus.DELAYED, "Slutdatum " + end + " har passerat utan att aktiviteten har "
        + "rapporterats som avslutad.", today, null, true, null);
    return true;
  }

  /**
   * Every activity of the year's approved plan with its status on {@code day} and its owner's latest report (the
   * calendar's own "Försenad" is not a report: the status shows it, the owner's words stay).
   */
  @Transactional(readOnly = true)
  public List<State> states(String agreementId, int year, LocalDate day) {
    return approvedActivities(agreementId, year).stream().map(p -> {
      Optional<Report> latest = jdbc.sql("select * from activity_report where activity_id = :id and not automatic "
              + "order by id desc limit 1")
          .param("id", p.id()).query(ActivityFollowUp::report).optional();
      ActivityStatus status = ActivityStatusRules.statusOn(day, p.activity().start(), p.activity().end(),
          latest.map(Report::status), p.stoppedOn());
      return new State(p, status, latest);
    }).toList();
  }

  private void insert(long activityId, ActivityStatus status, String comment, LocalDate day, String by,
      boolean automatic, String taskId) {
    jdbc.sql("insert into activity_report (activity_id, status, comment, reported_on, reported_by, automatic, "
            + "task_id, recorded_at) values (:id, :status, :comment, :day, :by, :auto, :task, :at)")
        .param("id", activityId).param("status", status.name()).param("comment", comment).param("day", day)
        .param("by", by).param("auto", automatic).param("task", taskId).param("at", Timestamp.from(clock.instant()))
        .update();
  }

  private static ActivityStatus status(FieldChecks checks, Object value) {
    String text = checks.required("activityStatus", value, "Status");
    if (text == null) {
      return null;
    }
    List<ActivityStatus> reportable = Arrays.stream(ActivityStatus.values()).filter(ActivityStatus::isReportable)
        .toList();
    return reportable.stream().filter(s -> s.name().equals(text)).findFirst().orElseGet(() -> {
      checks.fail("activityStatus", "Status " + text + " finns inte (välj en av: " + String.join(", ",
          reportable.stream().map(ActivityStatus::swedishName).toList()) + ")");
      return null;
    });
  }

  private static PlannedActivity planned(ResultSet rs, int n) throws SQLException {
    LocalDate stoppedOn = rs.getObject("stopped_on", LocalDate.class);
    String reason = rs.getString("stop_reason");
    return new PlannedActivity(rs.getLong("id"), rs.getString("agreement_id"), rs.getInt("cycle_year"),
        rs.getInt("position"), PlanRepository.activityOf(rs, n),
        Optional.ofNullable(stoppedOn).map(on -> new Stop(on, reason)));
  }

  private static Report report(ResultSet rs, int n) throws SQLException {
    return new Report(ActivityStatus.valueOf(rs.getString("status")), rs.getString("comment"),
        rs.getDate("reported_on").toLocalDate(), rs.getString("reported_by"), rs.getBoolean("automatic"));
  }
}
