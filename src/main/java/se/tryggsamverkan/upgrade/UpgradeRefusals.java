package se.tryggsamverkan.upgrade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table of instances the last upgrade run refused (V18). Read through {@link ProcessUpgrade#refusals}, which
 * leaves out those that have ended or were moved since.
 */
@Repository
public class UpgradeRefusals {

  /** The column's width: a longer reason is cut with an ellipsis (the whole reason is in the log). */
  public static final int REASON_MAX = 4000;

  private final JdbcClient jdbc;

  UpgradeRefusals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * After a run over {@code processKey}: the refusals of this run replace the earlier ones of that process, so that
   * an instance moved or ended since is no longer listed.
   */
  @Transactional
  public void replace(String processKey, Collection<UpgradeRefusal> refused) {
    jdbc.sql("delete from process_upgrade_refusal where process_key = :key").param("key", processKey).update();
    for (UpgradeRefusal r : refused) {
      jdbc.sql("""
          insert into process_upgrade_refusal (process_instance_id, process_key, process_name, from_version,
            to_version, tenant_id, business_key, cycle_year, reason, refused_at)
          values (:id, :key, :name, :from, :to, :tenant, :businessKey, :year, :reason, :at)""")
          .param("id", r.processInstanceId()).param("key", r.processKey()).param("name", r.processName())
          .param("from", r.fromVersion())
          .param("to", r.toVersion()).param("tenant", r.tenantId()).param("businessKey", r.businessKey())
          .param("year", r.year()).param("reason", cut(r.reason())).param("at", Timestamp.from(r.refusedAt()))
          .update();
    }
  }

  /** Forgets one instance: it was moved by hand or has ended. */
  public void forget(String processInstanceId) {
    jdbc.sql("delete from process_upgrade_refusal where process_instance_id = :id").param("id", processInstanceId)
        .update();
  }

  static String cut(String reason) {
    return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX - 1) + "…";
  }

  /** A row of the table, as the reads (which know which instances still run) map it. */
  public static UpgradeRefusal row(ResultSet rs, int n) throws SQLException {
    return new UpgradeRefusal(rs.getString("process_instance_id"), rs.getString("process_key"),
        rs.getString("process_name"), rs.getInt("from_version"), rs.getInt("to_version"), rs.getString("tenant_id"), rs.getString("business_key"),
        (Integer) rs.getObject("cycle_year"), rs.getString("reason"), rs.getTimestamp("refused_at").toInstant());
  }
}
