package se.tryggsamverkan.overview;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.plan.PromiseTarget;

/**
 * The few numbers the cross-municipality table needs, read for all municipalities at once: a handful of queries
 * whatever the number of municipalities (the per-municipality page uses the follow-up services instead).
 */
@Repository
class OverviewRepository {

  record AgreementRow(String id, String tenantId, String municipality, String policeArea, LocalDate periodStart,
      LocalDate periodEnd) {

    boolean covers(int year) {
      return periodStart.getYear() <= year && periodEnd.getYear() >= year;
    }
  }

  /**
   * An activity of a year's approved plan with its owner's latest reported status (empty before any report) and the
   * day an approved change stopped it (empty while it runs).
   */
  record ActivityRow(String agreementId, LocalDate start, LocalDate end, Optional<ActivityStatus> reported,
      Optional<LocalDate> stoppedOn) {
  }

  record PromiseRow(String agreementId, String text, PromiseTarget target) {
  }

  record OccurrenceRow(String agreementId, String promiseText, LocalDate day) {
  }

  private static final String LATEST_PLANS = "(select agreement_id, cycle_year, max(version) as version from "
      + "plan_version where cycle_year = :y and agreement_id in (:ids) group by agreement_id, cycle_year) latest";

  private final JdbcClient jdbc;

  OverviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<AgreementRow> agreements(Collection<String> tenantIds) {
    if (tenantIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select id, tenant_id, municipality, police_area, period_start, period_end from agreement "
            + "where tenant_id in (:tenants) order by municipality, period_start")
        .param("tenants", tenantIds)
        .query((rs, n) -> new AgreementRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate()))
        .list();
  }

  List<ActivityRow> activities(Collection<String> agreementIds, int year) {
    if (agreementIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select a.agreement_id, a.start_date, a.end_date, (select r.status from activity_report r "
            + "where r.activity_id = a.id and not r.automatic order by r.id desc limit 1), a.stopped_on "
            + "from activity a join "
            + LATEST_PLANS + " on latest.agreement_id = a.agreement_id and latest.cycle_year = a.cycle_year "
            + "and latest.version = a.plan_version")
        .param("y", year).param("ids", agreementIds)
        .query((rs, n) -> new ActivityRow(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
            Optional.ofNullable(rs.getString(4)).map(ActivityStatus::valueOf),
            Optional.ofNullable(rs.getObject(5, LocalDate.class))))
        .list();
  }

  List<PromiseRow> promises(Collection<String> agreementIds, int year) {
    if (agreementIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select p.agreement_id, p.text, p.target_count, p.target_period from citizen_promise p join "
            + LATEST_PLANS + " on latest.agreement_id = p.agreement_id and latest.cycle_year = p.cycle_year "
            + "and latest.version = p.plan_version order by p.agreement_id, p.position")
        .param("y", year).param("ids", agreementIds)
        .query((rs, n) -> new PromiseRow(rs.getString(1), rs.getString(2), rs.getObject(3) == null ? null
            : new PromiseTarget(rs.getInt(3), PromiseTarget.Period.valueOf(rs.getString(4)))))
        .list();
  }

  List<OccurrenceRow> occurrences(Collection<String> agreementIds, int year) {
    if (agreementIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select agreement_id, promise_text, occurred_on from promise_occurrence where cycle_year = :y "
            + "and agreement_id in (:ids)")
        .param("y", year).param("ids", agreementIds)
        .query((rs, n) -> new OccurrenceRow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()))
        .list();
  }
}
