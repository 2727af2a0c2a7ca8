package se.tryggsamverkan.upgrade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.common.KeyedRows;

/**
 * The table of instances the last upgrade run refused (V18). Read through {@link ProcessUpgrade#refusals}, which
 * leaves out those that have ended or were moved since.
 */
@Repository
public class UpgradeRefusals {

  /** The column's width: a longer reason is cut with an ellipsis (the whole reason is in the log). */
  public static final int REASON_MAX = 4000;

  private final JdbcClient jdbc;
  private final KeyedRows rows;

  UpgradeRefusals(JdbcClient jdbc, KeyedRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  /**
   * After a run over {@code processKey}: the refusals of this run replace the earlier ones of that process, so that
   * an instance moved or ended since is no longer listed. Row by row in the order of the instances' ids, so that two
   * nodes that start the release at once, and refuse the same instances, wait for each other instead of adding the
   * same instance twice.
   */
  @Transactional
  public void replace(String processKey, Collection<UpgradeRefusal> refused) {
    List<UpgradeRefusal> ordered = refused.stream()
        .sorted(Comparator.comparing(UpgradeRefusal::processInstanceId)).toList();
    if (ordered.isEmpty()) {
      jdbc.sql("delete from process_upgrade_refusal where process_key = :key").param("key", processKey).update();
      return;
    }
    jdbc.sql("delete from process_upgrade_refusal where process_key = :key and process_instance_id not in (:ids)")
        .param("key", processKey).param("ids", ordered.stream().map(UpgradeRefusal::processInstanceId).toList())
        .update();
    for (UpgradeRefusal r : ordered) {
      rows.updateElseInsert(
          () -> jdbc.sql("""
              update process_upgrade_refusal set process_key = :key, process_name = :name, from_version = :from,
                to_version = :to, tenant_id = :tenant, business_key = :businessKey, cycle_year = :year,
                reason = :reason, refused_at = :at
              where process_instance_id = :id""").params(columns(r)).update(),
          () -> jdbc.sql("""
              insert into process_upgrade_refusal (process_instance_id, process_key, process_name, from_version,
                to_version, tenant_id, business_key, cycle_year, reason, refused_at)
              values (:id, :key, :name, :from, :to, :tenant, :businessKey, :year, :reason, :at)""")
              .params(columns(r)).update());
    }
  }

  private static Map<String, Object> columns(UpgradeRefusal r) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("id", r.processInstanceId());
    columns.put("key", r.processKey());
    columns.put("name", r.processName());
    columns.put("from", r.fromVersion());
    columns.put("to", r.toVersion());
    columns.put("tenant", r.tenantId());
    columns.put("businessKey", r.businessKey());
    columns.put("year", r.year());
    columns.put("reason", cut(r.reason()));
    columns.put("at", Timestamp.from(r.refusedAt()));
    return columns;
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
