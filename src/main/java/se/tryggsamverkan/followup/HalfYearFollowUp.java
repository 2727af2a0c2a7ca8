package se.tryggsamverkan.followup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.common.FormLimits;

/**
 * The steering group's follow-up of the year's plan: the compiled status of activities and promises it looks at,
 * and the conclusions and plan changes it records.
 */
@Service
public class HalfYearFollowUp {

  /** One line of the compiled activity table, as shown in the follow-up form and the overview. */
  public record ActivityRow(String status, String activity, String responsible, String period, String comment) {
  }

  /** One line of the compiled promise table. */
  public record PromiseRow(String promise, String target, String done, String verdict) {
  }

  public record Compiled(List<ActivityRow> activities, List<PromiseRow> promises) {
  }

  /** What the steering group recorded at a follow-up. */
  public record Record(LocalDate heldOn, String conclusions, String planChanges) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ActivityFollowUp activities;
  private final PromiseFollowUp promises;
  private final Directory directory;

  HalfYearFollowUp(JdbcClient jdbc, ActivityFollowUp activities, PromiseFollowUp promises, Directory directory, Clock clock) {
    this.clock = clock;
    this.directory = directory;
    this.jdbc = jdbc;
    this.activities = activities;
    this.promises = promises;
  }

  @Transactional(readOnly = true)
  public Compiled compile(Agreement agreement, int year, LocalDate today) {
    List<ActivityRow> activityRows = activities.states(agreement.id(), year, today).stream()
        .map(s -> new ActivityRow(s.status().symbol() + " " + s.status().swedishName(),
            s.planned().activity().description(),
            s.planned().activity().responsibleParty().swedishName() + " ("
                + directory.displayName(s.planned().activity().responsiblePerson()) + ")",
            s.planned().activity().start() + " – " + s.planned().activity().end(),
            comment(s)))
        .toList();
    List<PromiseRow> promiseRows = promises.statuses(agreement, year, today).stream()
        .map(p -> new PromiseRow(p.promise().text(),
            p.promise().target() == null ? "Inget mätbart mål" : p.promise().target().swedish(),
            p.progress() == null ? p.occurrences().size() + " gånger"
                : p.occurrences().size() + " gånger, " + p.progress().expectedSoFar() + " väntade hittills",
            p.progress() == null ? "–" : p.progress().verdict().swedishName()))
        .toList();
    return new Compiled(activityRows, promiseRows);
  }

  /** The owner's latest comment; for a stopped activity first when and why it was stopped. */
  private static String comment(ActivityFollowUp.State s) {
    String reported = s.latest().map(r -> r.comment() + " (" + r.reportedOn() + ")").orElse("Ingen rapport ännu");
    return s.status() == ActivityStatus.STOPPED ? s.planned().stop()
        .map(stop -> "Stoppad " + stop.on() + ": " + stop.reason() + " — Senaste rapport: " + reported)
        .orElse(reported) : reported;
  }

  /** Stores the steering group's conclusions (required) and plan changes (optional). */
  @Transactional
  public void record(String agreementId, int year, Object conclusions, Object planChanges, String taskId,
      String recordedBy, LocalDate today) {
    FieldChecks checks = new FieldChecks();
    String conclusionText = checks.requiredText("halfYearConclusions", conclusions, "Styrgruppens slutsatser",
        FormLimits.max("halfYearFollowUp", "halfYearConclusions"));
    String changes = checks.optionalText("halfYearPlanChanges", planChanges, "Ändringar i planen",
        FormLimits.max("halfYearFollowUp", "halfYearPlanChanges"));
    checks.throwIfAny();
    jdbc.sql("insert into steering_follow_up (agreement_id, cycle_year, held_on, conclusions, plan_changes, "
            + "recorded_by, recorded_at, task_id) values (:a, :y, :day, :conclusions, :changes, :by, :at, :task)")
        .param("a", agreementId).param("y", year).param("day", today).param("conclusions", conclusionText)
        .param("changes", changes).param("by", recordedBy).param("at", Timestamp.from(clock.instant()))
        .param("task", taskId).update();
  }

  @Transactional(readOnly = true)
  public List<Record> records(String agreementId, int year) {
    return jdbc.sql("select held_on, conclusions, plan_changes from steering_follow_up where agreement_id = :a "
            + "and cycle_year = :y order by held_on, id")
        .param("a", agreementId).param("y", year)
        .query((rs, n) -> new Record(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3))).list();
  }
}
