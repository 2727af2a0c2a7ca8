package se.tryggsamverkan.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.plan.PlanChange.Decision;
import se.tryggsamverkan.plan.PlanChange.Deciders;
import se.tryggsamverkan.plan.PlanChange.Kind;
import se.tryggsamverkan.plan.PlanChange.Row;
import se.tryggsamverkan.plan.PlanChange.Status;

/** The year's plan changes, their rows and decisions (tables {@code plan_change*}, V11). */
@Repository
public class PlanChangeRepository {

  private final JdbcClient jdbc;

  PlanChangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String agreementId, int year, String reason, String proposedBy, LocalDateTime at, Deciders deciders,
      List<Row> rows) {
    int number = jdbc.sql("select coalesce(max(number), 0) + 1 from plan_change where agreement_id = :a "
            + "and cycle_year = :y")
        .param("a", agreementId).param("y", year).query(Integer.class).single();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into plan_change (agreement_id, cycle_year, number, reason, proposed_by, proposed_at, status,
              deciders)
            values (:a, :y, :n, :reason, :by, :at, 'PROPOSED', :deciders)
            """)
        .param("a", agreementId).param("y", year).param("n", number).param("reason", reason)
        .param("deciders", deciders.name())
        .param("by", proposedBy).param("at", Timestamp.valueOf(at)).update(key, "id");
    long id = key.getKey().longValue();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Activity added = row.added();
      jdbc.sql("""
              insert into plan_change_row (plan_change_id, position, kind, activity_id, activity_before, new_start,
                new_end, new_person, focus_area, description, expected_effect, responsible_party, indicators,
                follow_up_interval, promise_id, promise_target)
              values (:id, :pos, :kind, :activity, :before, :start, :end, :person, :area, :description, :effect,
                :party, :indicators, :interval, :promise, :target)
              """)
          .param("id", id).param("pos", i).param("kind", row.kind().name()).param("activity", row.activityId())
          .param("before", row.before())
          .param("start", added == null ? row.newStart() : added.start())
          .param("end", added == null ? row.newEnd() : added.end())
          .param("person", added == null ? row.newPerson() : added.responsiblePerson())
          .param("area", added == null ? null : added.focusArea())
          .param("description", added != null ? added.description()
              : row.kind() == Kind.ADD_PROMISE ? row.promise().text() : null)
          .param("effect", added == null ? null : added.expectedEffect())
          .param("party", added != null ? added.responsibleParty().name()
              : row.kind() == Kind.ADD_PROMISE ? row.promise().party().name() : null)
          .param("indicators", added == null ? row.newIndicators() : added.indicators())
          .param("interval", added != null ? added.followUpInterval().name()
              : row.newInterval() == null ? null : row.newInterval().name())
          .param("promise", row.promiseId())
          .param("target", row.promise() == null || row.promise().target() == null ? null
              : row.promise().target().swedish())
          .update();
    }
    return id;
  }

  void decision(long changeId, Decision decision) {
    jdbc.sql("""
            insert into plan_change_decision (plan_change_id, party, verdict, comment, decided_by, decided_at)
            values (:id, :party, :verdict, :comment, :by, :at)
            """)
        .param("id", changeId).param("party", decision.party().name())
        .param("verdict", decision.approves() ? "APPROVE" : "RETURN").param("comment", decision.comment())
        .param("by", decision.decidedBy()).param("at", Timestamp.valueOf(decision.decidedAt())).update();
  }

  void decided(long changeId, Status status, LocalDateTime at) {
    jdbc.sql("update plan_change set status = :status, decided_at = :at where id = :id")
        .param("status", status.name()).param("at", Timestamp.valueOf(at)).param("id", changeId).update();
  }

  /** Every change of the year still waiting for a decision. */
  List<Long> waiting(String agreementId, int year) {
    return jdbc.sql("select id from plan_change where agreement_id = :a and cycle_year = :y and status = 'PROPOSED'")
        .param("a", agreementId).param("y", year).query(Long.class).list();
  }

  /** The added promise's row id, once the change is approved and the promise is in the plan. */
  void promiseAddedAs(long changeId, int position, long promiseId) {
    jdbc.sql("update plan_change_row set promise_id = :promise where plan_change_id = :id and position = :pos")
        .param("promise", promiseId).param("id", changeId).param("pos", position).update();
  }

  /** The added activity's row id, once the change is approved and the activity is in the plan. */
  void addedAs(long changeId, int position, long activityId) {
    jdbc.sql("update plan_change_row set activity_id = :activity where plan_change_id = :id and position = :pos")
        .param("activity", activityId).param("id", changeId).param("pos", position).update();
  }

  /** The change, locked until the transaction ends: two decisions at once are taken one after the other. */
  Optional<PlanChange> lock(long changeId) {
    return jdbc.sql("select * from plan_change where id = :id for update").param("id", changeId)
        .query((rs, n) -> rs.getLong("id")).optional().flatMap(this::find);
  }

  public Optional<PlanChange> find(long changeId) {
    return jdbc.sql("select * from plan_change where id = :id").param("id", changeId).query(this::map).optional();
  }

  /** The year's changes in the order they were proposed. */
  public List<PlanChange> ofYear(String agreementId, int year) {
    return jdbc.sql("select * from plan_change where agreement_id = :a and cycle_year = :y order by number")
        .param("a", agreementId).param("y", year).query(this::map).list();
  }

  private PlanChange map(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new PlanChange(id, rs.getString("agreement_id"), rs.getInt("cycle_year"), rs.getInt("number"),
        rs.getString("reason"), rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toLocalDateTime(),
        Status.valueOf(rs.getString("status")), Deciders.valueOf(rs.getString("deciders")), decidedAt == null ? null : decidedAt.toLocalDateTime(), rows(id),
        decisions(id));
  }

  private List<Row> rows(long changeId) {
    return jdbc.sql("select * from plan_change_row where plan_change_id = :id order by position")
        .param("id", changeId).query((rs, n) -> {
          Kind kind = Kind.valueOf(rs.getString("kind"));
          long activity = rs.getLong("activity_id");
          Long activityId = rs.wasNull() ? null : activity;
          LocalDate start = date(rs, "new_start");
          LocalDate end = date(rs, "new_end");
          Activity added = kind != Kind.ADD ? null : new Activity(rs.getString("focus_area"),
              rs.getString("description"), rs.getString("expected_effect"),
              Responsible.valueOf(rs.getString("responsible_party")), rs.getString("new_person"), start, end,
              rs.getString("indicators"), FollowUpInterval.valueOf(rs.getString("follow_up_interval")));
          String interval = rs.getString("follow_up_interval");
          long promise = rs.getLong("promise_id");
          Long promiseId = rs.wasNull() ? null : promise;
          PromiseTarget target = PromiseTarget.parse(rs.getString("promise_target")).orElse(null);
          return switch (kind) {
            case ADD -> new Row(kind, activityId, null, null, null, null, null, null, added, null, null);
            case ADD_PROMISE -> new Row(kind, null, null, null, null, null, null, null, null, promiseId,
                new CitizenPromise(rs.getString("description"), Responsible.valueOf(rs.getString("responsible_party")),
                    target));
            case RETARGET_PROMISE -> new Row(kind, null, rs.getString("activity_before"), null, null, null, null, null,
                null, promiseId, new CitizenPromise(null, null, target));
            default -> new Row(kind, activityId, rs.getString("activity_before"), start, end,
                rs.getString("new_person"), rs.getString("indicators"),
                interval == null ? null : FollowUpInterval.valueOf(interval), null, null, null);
          };
        }).list();
  }

  private List<Decision> decisions(long changeId) {
    return jdbc.sql("select * from plan_change_decision where plan_change_id = :id order by decided_at, party")
        .param("id", changeId).query((rs, n) -> new Decision(Party.valueOf(rs.getString("party")),
            "APPROVE".equals(rs.getString("verdict")), rs.getString("comment"), rs.getString("decided_by"),
            rs.getTimestamp("decided_at").toLocalDateTime())).list();
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }
}
