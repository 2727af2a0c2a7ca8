package se.tryggsamverkan.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agreements and their per-agreement deadlines, in the project's own tables (Flyway). */
@Repository
public class AgreementRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  AgreementRepository(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  void insert(Agreement a, String processInstanceId, String registeredBy) {
    jdbc.sql("""
            insert into agreement (id, tenant_id, municipality, police_area, period_start, period_end,
              police_coordinator, municipal_coordinator, police_steering_member, municipal_steering_member,
              first_chair, process_instance_id, registered_by, registered_at, council_day_of_month, council_time,
              council_place, small_changes_by_coordinators)
            values (:id, :tenant, :municipality, :policeArea, :start, :end, :pc, :mc, :ps, :ms, :chair, :pi, :by, :at,
              :councilDay, :councilTime, :councilPlace, :smallChanges)
            """)
        .param("id", a.id()).param("tenant", a.tenantId()).param("municipality", a.municipality())
        .param("policeArea", a.policeArea()).param("start", a.periodStart()).param("end", a.periodEnd())
        .param("pc", a.policeCoordinator()).param("mc", a.municipalCoordinator())
        .param("ps", a.policeSteeringMember()).param("ms", a.municipalSteeringMember())
        .param("chair", a.firstChair().name()).param("pi", processInstanceId).param("by", registeredBy)
        .param("at", Timestamp.from(clock.instant()))
        .param("councilDay", a.council() == null ? null : a.council().dayOfMonth())
        .param("councilTime", a.council() == null ? null : a.council().time().toString())
        .param("councilPlace", a.council() == null ? null : a.council().place())
        .param("smallChanges", a.smallChangesByCoordinators())
        .update();
    a.deadlineOverrides().forEach((phase, deadline) -> jdbc
        .sql("insert into agreement_deadline (agreement_id, phase, deadline) values (:id, :phase, :deadline)")
        .param("id", a.id()).param("phase", phase.name()).param("deadline", deadline.toString())
        .update());
  }

  public Optional<Agreement> findById(String id) {
    return jdbc.sql("select * from agreement where id = :id").param("id", id)
        .query((rs, n) -> map(rs, deadlines(rs.getString("id"))))
        .optional();
  }

  public List<Agreement> findByTenant(String tenantId) {
    return jdbc.sql("select * from agreement where tenant_id = :tenant order by period_start, municipality")
        .param("tenant", tenantId)
        .query((rs, n) -> map(rs, deadlines(rs.getString("id"))))
        .list();
  }

  private Map<Phase, Deadline> deadlines(String agreementId) {
    Map<Phase, Deadline> result = new EnumMap<>(Phase.class);
    jdbc.sql("select phase, deadline from agreement_deadline where agreement_id = :id").param("id", agreementId)
        .query((rs, n) -> Map.entry(Phase.valueOf(rs.getString(1)), Deadline.parse(rs.getString(2))))
        .list()
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /** Agreements whose council meets monthly, across all municipalities (for the reminder sweep). */
  public List<Agreement> withCouncilMeetings() {
    return jdbc.sql("select * from agreement where council_day_of_month is not null order by id")
        .query((rs, n) -> map(rs, Map.of())).list();
  }

  private static Agreement map(ResultSet rs, Map<Phase, Deadline> deadlines) throws SQLException {
    Object councilDay = rs.getObject("council_day_of_month");
    CouncilSchedule council = councilDay == null ? null : new CouncilSchedule(((Number) councilDay).intValue(),
        java.time.LocalTime.parse(rs.getString("council_time")), rs.getString("council_place"));
    return new Agreement(rs.getString("id"), rs.getString("tenant_id"), rs.getString("municipality"),
        rs.getString("police_area"), rs.getDate("period_start").toLocalDate(),
        rs.getDate("period_end").toLocalDate(), rs.getString("police_coordinator"),
        rs.getString("municipal_coordinator"), rs.getString("police_steering_member"),
        rs.getString("municipal_steering_member"), Party.valueOf(rs.getString("first_chair")), deadlines, council,
        rs.getBoolean("small_changes_by_coordinators"));
  }
}
