package se.tryggsamverkan.onboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.tryggsamverkan.common.KeyedRows;

/** The municipality table and the record of every change to municipalities, people and roles. */
@Repository
public class DirectoryChanges {

  /** One recorded change. */
  public record Change(Instant at, String by, String tenantId, String userId, String what) {
  }

  /** What the engine has no place for: a municipality's local police area. */
  public record MunicipalityRow(String tenantId, String name, String policeArea) {
  }

  private final JdbcClient jdbc;
  private final KeyedRows rows;
  private final Clock clock;

  DirectoryChanges(JdbcClient jdbc, KeyedRows rows, Clock clock) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.clock = clock;
  }

  public Optional<MunicipalityRow> municipality(String tenantId) {
    return jdbc.sql("select tenant_id, name, police_area from municipality where tenant_id = :t")
        .param("t", tenantId).query(MunicipalityRow.class).optional();
  }

  public List<MunicipalityRow> municipalities() {
    return jdbc.sql("select tenant_id, name, police_area from municipality order by name, tenant_id")
        .query(MunicipalityRow.class).list();
  }

  public void saveMunicipality(MunicipalityRow row, String by) {
    Timestamp now = Timestamp.from(clock.instant());
    rows.updateElseInsert(
        () -> jdbc.sql("update municipality set name = :n, police_area = :p, changed_at = :at, changed_by = :by "
                + "where tenant_id = :t").param("n", row.name()).param("p", row.policeArea()).param("at", now)
            .param("by", by).param("t", row.tenantId()).update(),
        () -> jdbc.sql("insert into municipality (tenant_id, name, police_area, changed_at, changed_by) "
                + "values (:t, :n, :p, :at, :by)").param("t", row.tenantId()).param("n", row.name())
            .param("p", row.policeArea()).param("at", now).param("by", by).update());
  }

  public void record(String by, String tenantId, String userId, String what) {
    jdbc.sql("insert into directory_change (changed_at, changed_by, tenant_id, user_id, what) "
        + "values (:at, :by, :t, :u, :w)").param("at", Timestamp.from(clock.instant())).param("by", by)
        .param("t", tenantId).param("u", userId).param("w", what.length() > 500 ? what.substring(0, 499) + "…" : what)
        .update();
  }

  /** The latest changes, newest first; of one municipality when {@code tenantId} is given. */
  public List<Change> latest(String tenantId, int limit) {
    return jdbc.sql("select changed_at, changed_by, tenant_id, user_id, what from directory_change "
            + (tenantId == null ? "" : "where tenant_id = :t ") + "order by id desc limit :l")
        .params(tenantId == null ? java.util.Map.of("l", limit) : java.util.Map.of("t", tenantId, "l", limit))
        .query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5))).list();
  }
}
