package se.tryggsamverkan.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.tryggsamverkan.agreement.Party;

/** The plan's content in the project's tables, keyed by agreement and cycle year. */
@Repository
public class PlanRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  PlanRepository(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  // ---- situation picture

  void saveSituation(String agreementId, int year, Party party, PlanInput.SituationPicture picture, String taskId) {
    for (SituationEntry e : picture.entries()) {
      jdbc.sql("insert into situation_entry (agreement_id, cycle_year, party, source, description, figure, unit, "
              + "task_id, kpi_id, period, retrieved_on) values (:a, :y, :party, :source, :description, :figure, "
              + ":unit, :task, :kpi, :period, :retrieved)")
          .param("a", agreementId).param("y", year).param("party", party.name()).param("source", e.source().name())
          .param("description", e.description()).param("figure", e.figure()).param("unit", e.unit())
          .param("task", taskId).param("kpi", e.kpiId()).param("period", e.period())
          .param("retrieved", e.retrievedOn()).update();
    }
    for (Place p : picture.places()) {
      jdbc.sql("insert into place (agreement_id, cycle_year, party, name, kind, description, task_id, latitude, "
              + "longitude) values (:a, :y, :party, :name, :kind, :description, :task, :lat, :lon)")
          .param("a", agreementId).param("y", year).param("party", party.name()).param("name", p.name())
          .param("kind", p.kind().name()).param("description", p.description()).param("task", taskId)
          .param("lat", p.latitude()).param("lon", p.longitude()).update();
    }
  }

  public record PartyEntry(Party party, SituationEntry entry) {
  }

  public record PartyPlace(Party party, Place place) {
  }

  public List<PartyEntry> situationEntries(String agreementId, int year) {
    return jdbc.sql("select * from situation_entry where agreement_id = :a and cycle_year = :y order by id")
        .param("a", agreementId).param("y", year)
        .query((rs, n) -> new PartyEntry(Party.valueOf(rs.getString("party")), new SituationEntry(
            SituationSource.valueOf(rs.getString("source")), rs.getString("description"),
            rs.getBigDecimal("figure"), rs.getString("unit"), rs.getString("kpi_id"),
            (Integer) rs.getObject("period", Integer.class),
            rs.getDate("retrieved_on") == null ? null : rs.getDate("retrieved_on").toLocalDate())))
        .list();
  }

  public List<PartyPlace> places(String agreementId, int year) {
    return jdbc.sql("select * from place where agreement_id = :a and cycle_year = :y order by id")
        .param("a", agreementId).param("y", year)
        .query((rs, n) -> new PartyPlace(Party.valueOf(rs.getString("party")), new Place(rs.getString("name"),
            PlaceKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getBigDecimal("latitude"),
            rs.getBigDecimal("longitude"))))
        .list();
  }

  // ---- focus areas and problems

  void replaceFocusAreas(String agreementId, int year, List<String> names) {
    jdbc.sql("delete from focus_area where agreement_id = :a and cycle_year = :y")
        .param("a", agreementId).param("y", year).update();
    for (int i = 0; i < names.size(); i++) {
      jdbc.sql("insert into focus_area (agreement_id, cycle_year, name, sort_order) values (:a, :y, :name, :i)")
          .param("a", agreementId).param("y", year).param("name", names.get(i)).param("i", i).update();
    }
  }

  public List<String> focusAreas(String agreementId, int year) {
    return jdbc.sql("select name from focus_area where agreement_id = :a and cycle_year = :y order by sort_order")
        .param("a", agreementId).param("y", year).query(String.class).list();
  }

  /** Agreements of the same municipality: what one agreement learnt carries into the renewed one. */
  static final String SAME_MUNICIPALITY =
      "select id from agreement where tenant_id = (select tenant_id from agreement where id = :a)";

  /** The focus areas of the most recent earlier year that has any, in this or an earlier agreement. */
  public List<String> latestFocusAreasBefore(String agreementId, int year) {
    return jdbc.sql("select agreement_id, cycle_year from focus_area where agreement_id in (" + SAME_MUNICIPALITY
            + ") and cycle_year < :y order by cycle_year desc, case when agreement_id = :a then 0 else 1 end "
            + "limit 1")
        .param("a", agreementId).param("y", year)
        .query((rs, n) -> focusAreas(rs.getString(1), rs.getInt(2)))
        .optional().orElse(List.of());
  }

  /** The latest version of the plan for a year, in this agreement or else another of the municipality's. */
  public Optional<ActionPlan> latestPlanOfMunicipality(String agreementId, int year) {
    return jdbc.sql("select agreement_id from plan_version where agreement_id in (" + SAME_MUNICIPALITY
            + ") and cycle_year = :y order by case when agreement_id = :a then 0 else 1 end limit 1")
        .param("a", agreementId).param("y", year).query(String.class).optional()
        .flatMap(owner -> latestPlan(owner, year));
  }

  void replaceProblems(String agreementId, int year, List<ProblemRow> problems) {
    jdbc.sql("delete from prioritised_problem where agreement_id = :a and cycle_year = :y")
        .param("a", agreementId).param("y", year).update();
    for (int i = 0; i < problems.size(); i++) {
      ProblemRow p = problems.get(i);
      jdbc.sql("insert into prioritised_problem (agreement_id, cycle_year, title, description, focus_area, "
              + "sort_order) values (:a, :y, :title, :description, :focus, :i)")
          .param("a", agreementId).param("y", year).param("title", p.title()).param("description", p.description())
          .param("focus", p.focusArea()).param("i", i).update();
    }
  }

  public record ProblemRow(String title, String description, String focusArea) {
  }

  public List<ProblemRow> problems(String agreementId, int year) {
    return jdbc.sql("select title, description, focus_area from prioritised_problem "
            + "where agreement_id = :a and cycle_year = :y order by sort_order")
        .param("a", agreementId).param("y", year)
        .query((rs, n) -> new ProblemRow(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  // ---- action plan versions

  int nextVersion(String agreementId, int year) {
    return jdbc.sql("select coalesce(max(version), 0) + 1 from plan_version where agreement_id = :a "
            + "and cycle_year = :y")
        .param("a", agreementId).param("y", year).query(Integer.class).single();
  }

  void savePlan(String agreementId, int year, ActionPlan plan, String taskId, String submittedBy) {
    jdbc.sql("insert into plan_version (agreement_id, cycle_year, version, submitted_by, submitted_at, task_id) "
            + "values (:a, :y, :v, :by, :at, :task)")
        .param("a", agreementId).param("y", year).param("v", plan.version()).param("by", submittedBy)
        .param("at", Timestamp.from(clock.instant())).param("task", taskId).update();
    for (int i = 0; i < plan.activities().size(); i++) {
      insertActivity(agreementId, year, plan.version(), i, plan.activities().get(i));
    }
    for (int i = 0; i < plan.promises().size(); i++) {
      insertPromise(agreementId, year, plan.version(), i, plan.promises().get(i), null);
    }
  }

  /** Inserts the promise row and returns its id; {@code validFrom} null for a promise of the whole year. */
  private long insertPromise(String agreementId, int year, int version, int position, CitizenPromise p,
      LocalDate validFrom) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into citizen_promise (agreement_id, cycle_year, plan_version, position, text, party,
              target_count, target_period, target_text, valid_from)
            values (:a, :y, :v, :i, :text, :party, :count, :period, :target, :from)
            """)
        .param("a", agreementId).param("y", year).param("v", version).param("i", position)
        .param("text", p.text()).param("party", p.party().name())
        .param("count", p.target() == null ? null : p.target().count())
        .param("period", p.target() == null ? null : p.target().period().name())
        .param("target", p.target() == null ? null : p.target().swedish()).param("from", validFrom)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** A promise of the approved plan with its row id. */
  public record ApprovedPromise(long id, CitizenPromise promise) {
  }

  /** The promises of the year's approved (latest) plan version, with their row ids, in order. */
  public List<ApprovedPromise> promisesOfApprovedPlan(String agreementId, int year) {
    Optional<Integer> version = approvedVersion(agreementId, year);
    if (version.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from citizen_promise where agreement_id = :a and cycle_year = :y and plan_version = :v "
            + "order by position")
        .param("a", agreementId).param("y", year).param("v", version.get())
        .query((rs, n) -> new ApprovedPromise(rs.getLong("id"), promiseOf(rs))).list();
  }

  /** Adds a promise at the end of the year's approved plan, counted from {@code validFrom}; returns its row id. */
  public long addPromiseToApprovedPlan(String agreementId, int year, CitizenPromise promise, LocalDate validFrom) {
    int version = approvedVersion(agreementId, year)
        .orElseThrow(() -> new IllegalStateException("No plan for " + agreementId + " " + year));
    int position = jdbc.sql("select coalesce(max(position), -1) + 1 from citizen_promise where agreement_id = :a "
            + "and cycle_year = :y and plan_version = :v")
        .param("a", agreementId).param("y", year).param("v", version).query(Integer.class).single();
    return insertPromise(agreementId, year, version, position, promise, validFrom);
  }

  /** The approved promise's new measurable target; its text, and so what was recorded as kept, stays. */
  public void retargetPromise(long promiseId, PromiseTarget target) {
    int rows = jdbc.sql("update citizen_promise set target_count = :count, target_period = :period, "
            + "target_text = :text where id = :id")
        .param("count", target.count()).param("period", target.period().name()).param("text", target.swedish())
        .param("id", promiseId).update();
    if (rows != 1) {
      throw new IllegalStateException("No promise with id " + promiseId);
    }
  }

  /** The day each promise of the latest plan is counted from, when a change added it during the year. */
  public java.util.Map<String, LocalDate> promisesAddedDuringTheYear(String agreementId, int year) {
    java.util.Map<String, LocalDate> added = new java.util.HashMap<>();
    approvedVersion(agreementId, year).ifPresent(version -> jdbc.sql("select text, valid_from from citizen_promise "
            + "where agreement_id = :a and cycle_year = :y and plan_version = :v and valid_from is not null")
        .param("a", agreementId).param("y", year).param("v", version)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getDate(2).toLocalDate())).list()
        .forEach(e -> added.put(e.getKey(), e.getValue())));
    return added;
  }

  private static CitizenPromise promiseOf(ResultSet rs) throws SQLException {
    return new CitizenPromise(rs.getString("text"), Responsible.valueOf(rs.getString("party")),
        rs.getObject("target_count") == null ? null : new PromiseTarget(rs.getInt("target_count"),
            PromiseTarget.Period.valueOf(rs.getString("target_period"))));
  }

  /** Inserts the row and returns its id (a generated key: H2, the embedded default, has no {@code returning}). */
  private long insertActivity(String agreementId, int year, int version, int position, Activity a) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into activity (agreement_id, cycle_year, plan_version, position, focus_area, description,
              expected_effect, responsible_party, responsible_person, start_date, end_date, indicators,
              follow_up_interval)
            values (:a, :y, :v, :i, :focus, :description, :effect, :party, :person, :start, :end, :indicators,
              :interval)
            """)
        .param("a", agreementId).param("y", year).param("v", version).param("i", position)
        .param("focus", a.focusArea()).param("description", a.description()).param("effect", a.expectedEffect())
        .param("party", a.responsibleParty().name()).param("person", a.responsiblePerson())
        .param("start", a.start()).param("end", a.end()).param("indicators", a.indicators())
        .param("interval", a.followUpInterval().name()).update(key, "id");
    return key.getKey().longValue();
  }

  // ---- changes to the approved plan during the implementation year (issue 15)
  //
  // The running follow-up is keyed on the activity row's id, so an approved change is applied to the rows of the
  // approved (latest) version in place: a new plan version would give every activity a new id. What was decided
  // and why is recorded by PlanChangeDecisions (plan_change*); these only make the rows say what now holds.

  /** The year's approved plan is its latest version (a returned one is followed by the next). */
  private Optional<Integer> approvedVersion(String agreementId, int year) {
    return versions(agreementId, year).stream().reduce((first, last) -> last);
  }

  /** Adds an activity at the end of the year's approved plan; its row id is what the running year follows. */
  public long addToApprovedPlan(String agreementId, int year, Activity activity) {
    int version = approvedVersion(agreementId, year)
        .orElseThrow(() -> new IllegalStateException("No plan for " + agreementId + " " + year));
    int position = jdbc.sql("select coalesce(max(position), -1) + 1 from activity where agreement_id = :a "
            + "and cycle_year = :y and plan_version = :v")
        .param("a", agreementId).param("y", year).param("v", version).query(Integer.class).single();
    return insertActivity(agreementId, year, version, position, activity);
  }

  /** An activity of the year's approved (latest) plan version, with its row id; empty when it is not one. */
  public Optional<Activity> activityOfApprovedPlan(String agreementId, int year, long activityId) {
    Optional<Integer> version = approvedVersion(agreementId, year);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("select * from activity where id = :id and agreement_id = :a and cycle_year = :y "
            + "and plan_version = :v")
        .param("id", activityId).param("a", agreementId).param("y", year).param("v", version.get())
        .query(PlanRepository::activityOf).optional();
  }

  /** The approved activity's new start and end dates. */
  public void moveActivity(long activityId, LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("Slutdatum " + end + " ligger före startdatum " + start);
    }
    changed(jdbc.sql("update activity set start_date = :start, end_date = :end where id = :id")
        .param("start", start).param("end", end).param("id", activityId).update(), activityId);
  }

  /**
   * The approved activity is stopped from {@code on} with {@code reason}; its row is kept. False when it was
   * stopped before (the first stop stands).
   */
  public boolean stopActivity(long activityId, LocalDate on, String reason) {
    int rows = jdbc.sql("update activity set stopped_on = :on, stop_reason = :reason where id = :id "
            + "and stopped_on is null")
        .param("on", on).param("reason", reason).param("id", activityId).update();
    if (rows == 0) {
      changed(jdbc.sql("select count(*) from activity where id = :id").param("id", activityId)
          .query(Integer.class).single(), activityId);
    }
    return rows == 1;
  }

  /** The approved activity's new responsible person. */
  public void changeResponsiblePerson(long activityId, String person) {
    changed(jdbc.sql("update activity set responsible_person = :p where id = :id").param("p", person)
        .param("id", activityId).update(), activityId);
  }

  /** New indicators, a new follow-up interval, or both; null keeps the one the activity has. */
  public void reviseActivity(long activityId, String indicators, FollowUpInterval interval) {
    changed(jdbc.sql("""
            update activity set indicators = coalesce(:indicators, indicators),
              follow_up_interval = coalesce(:interval, follow_up_interval)
            where id = :id
            """)
        .param("indicators", indicators).param("interval", interval == null ? null : interval.name())
        .param("id", activityId).update(), activityId);
  }

  private static void changed(int rows, long activityId) {
    if (rows != 1) {
      throw new IllegalStateException("No activity with id " + activityId);
    }
  }

  public List<Integer> versions(String agreementId, int year) {
    return jdbc.sql("select version from plan_version where agreement_id = :a and cycle_year = :y order by version")
        .param("a", agreementId).param("y", year).query(Integer.class).list();
  }

  public Optional<ActionPlan> plan(String agreementId, int year, int version) {
    if (!versions(agreementId, year).contains(version)) {
      return Optional.empty();
    }
    return Optional.of(planOf(agreementId, year, version));
  }

  private ActionPlan planOf(String agreementId, int year, int version) {
    List<Activity> activities = jdbc.sql("select * from activity where agreement_id = :a and cycle_year = :y "
            + "and plan_version = :v order by position")
        .param("a", agreementId).param("y", year).param("v", version).query(PlanRepository::activityOf).list();
    List<CitizenPromise> promises = jdbc.sql("select * from citizen_promise where agreement_id = :a "
            + "and cycle_year = :y and plan_version = :v order by position")
        .param("a", agreementId).param("y", year).param("v", version)
        .query((rs, n) -> promiseOf(rs)).list();
    return new ActionPlan(version, activities, promises);
  }

  public Optional<ActionPlan> latestPlan(String agreementId, int year) {
    List<Integer> versions = versions(agreementId, year);
    return versions.isEmpty() ? Optional.empty()
        : Optional.of(planOf(agreementId, year, versions.get(versions.size() - 1)));
  }

  /** The promises of the year's latest plan version in order, in one read; none before there is a plan. */
  public List<CitizenPromise> latestPromises(String agreementId, int year) {
    return jdbc.sql("select * from citizen_promise where agreement_id = :a and cycle_year = :y and plan_version = "
            + "(select max(version) from plan_version where agreement_id = :a and cycle_year = :y) order by position")
        .param("a", agreementId).param("y", year).query((rs, n) -> promiseOf(rs)).list();
  }

  /** An activity from a row of the {@code activity} table. */
  public static Activity activityOf(ResultSet rs, int n) throws SQLException {
    return new Activity(rs.getString("focus_area"), rs.getString("description"), rs.getString("expected_effect"),
        Responsible.valueOf(rs.getString("responsible_party")), rs.getString("responsible_person"),
        rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(), rs.getString("indicators"),
        FollowUpInterval.valueOf(rs.getString("follow_up_interval")));
  }

  // ---- steering-group decisions

  public record DecisionRecord(int round, Party party, String verdict, String comment, String decidedBy,
      LocalDateTime decidedAt, int planVersion) {
  }

  void saveDecision(String agreementId, int year, DecisionRecord d, String taskId) {
    jdbc.sql("""
            insert into steering_decision (agreement_id, cycle_year, round, party, verdict, comment, decided_by,
              decided_at, plan_version, task_id)
            values (:a, :y, :round, :party, :verdict, :comment, :by, :at, :version, :task)
            """)
        .param("a", agreementId).param("y", year).param("round", d.round()).param("party", d.party().name())
        .param("verdict", d.verdict()).param("comment", d.comment()).param("by", d.decidedBy())
        .param("at", Timestamp.valueOf(d.decidedAt())).param("version", d.planVersion()).param("task", taskId)
        .update();
  }

  public List<DecisionRecord> decisions(String agreementId, int year) {
    return jdbc.sql("select * from steering_decision where agreement_id = :a and cycle_year = :y "
            + "order by round, party")
        .param("a", agreementId).param("y", year)
        .query((rs, n) -> new DecisionRecord(rs.getInt("round"), Party.valueOf(rs.getString("party")),
            rs.getString("verdict"), rs.getString("comment"), rs.getString("decided_by"),
            rs.getTimestamp("decided_at").toLocalDateTime(), rs.getInt("plan_version")))
        .list();
  }

  /** Years of an agreement that have any plan content. */
  public List<Integer> yearsWithContent(String agreementId) {
    return jdbc.sql("""
            select cycle_year from situation_entry where agreement_id = :a
            union select cycle_year from focus_area where agreement_id = :a
            union select cycle_year from plan_version where agreement_id = :a
            union select cycle_year from cause_analysis where agreement_id = :a
            order by 1
            """)
        .param("a", agreementId).query(Integer.class).list();
  }
}
