package se.tryggsamverkan.publication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.common.KeyedRows;
import se.tryggsamverkan.followup.PromiseFollowUp;
import se.tryggsamverkan.plan.PlanRepository;

/**
 * Which years of a municipality's citizen promises are public (issue 16), and the public page made of them. A year
 * is public once its promises are signed and the coordinators confirmed the publication in the signing task, until
 * they withdraw it; a municipality can turn its whole page off. What the page shows is read from the signed plan
 * and the promises' follow-up at the moment it is asked for.
 */
@Service
public class Publications {

  private static final Logger LOG = LoggerFactory.getLogger(Publications.class);

  private final JdbcClient jdbc;
  private final AgreementRepository agreements;
  private final PlanRepository plans;
  private final PromiseFollowUp promises;
  private final KeyedRows rows;
  private final Clock clock;

  Publications(JdbcClient jdbc, AgreementRepository agreements, PlanRepository plans, PromiseFollowUp promises,
      KeyedRows rows, Clock clock) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.agreements = agreements;
    this.plans = plans;
    this.promises = promises;
    this.clock = clock;
  }

  /** The signing task's outcome: signed on that day, and published or not as the coordinators chose. */
  @Transactional
  public void recordSigning(String agreementId, int year, LocalDate signedOn, boolean publish, String by) {
    rows.updateElseInsert(
        () -> jdbc.sql("update promise_publication set signed_on = :on, published = :pub, recorded_by = :by, "
                + "recorded_at = :at, withdrawn_at = null, withdrawn_by = null "
                + "where agreement_id = :a and cycle_year = :y")
            .param("on", signedOn).param("pub", publish).param("by", by).param("at", now()).param("a", agreementId)
            .param("y", year).update(),
        () -> jdbc.sql("insert into promise_publication (agreement_id, cycle_year, signed_on, published, "
                + "recorded_by, recorded_at) values (:a, :y, :on, :pub, :by, :at)")
            .param("a", agreementId).param("y", year).param("on", signedOn).param("pub", publish).param("by", by)
            .param("at", now()).update());
    LOG.info("Promises of {} {} signed on {}, {}", agreementId, year, signedOn, publish ? "published" : "not published");
  }

  /** Publishes a signed year again, or withdraws it from the public page. */
  @Transactional
  public void setPublished(Agreement agreement, int year, boolean published, String by) {
    int updated = jdbc.sql("update promise_publication set published = :pub, withdrawn_at = :at, withdrawn_by = :by "
            + "where agreement_id = :a and cycle_year = :y")
        .param("pub", published).param("at", published ? null : now()).param("by", published ? null : by)
        .param("a", agreement.id()).param("y", year).update();
    if (updated == 0) {
      throw InvalidInputException.of("year", "Medborgarlöftena för " + year + " är inte undertecknade än");
    }
    LOG.info("Promises of {} {} {} by {}", agreement.tenantId(), year, published ? "published" : "withdrawn", by);
  }

  /** Turns the municipality's public page on or off. */
  @Transactional
  public void setPageEnabled(String tenantId, boolean enabled, String by) {
    rows.updateElseInsert(
        () -> jdbc.sql("update public_page set enabled = :on, changed_by = :by, changed_at = :at where tenant_id = :t")
            .param("on", enabled).param("by", by).param("at", now()).param("t", tenantId).update(),
        () -> jdbc.sql("insert into public_page (tenant_id, enabled, changed_by, changed_at) values (:t, :on, :by, :at)")
            .param("t", tenantId).param("on", enabled).param("by", by).param("at", now()).update());
    LOG.info("Public page of {} turned {} by {}", tenantId, enabled ? "on" : "off", by);
  }

  /**
   * The public page of a municipality: the year asked for, or when none, the latest published year that has begun
   * (else the coming one). Empty when the page is off or nothing is published (or not that year).
   */
  @Transactional(readOnly = true)
  public Optional<PublicPage> page(String tenantId, Integer year, LocalDate today) {
    if (!pageEnabled(tenantId)) {
      return Optional.empty();
    }
    record Published(Agreement agreement, int year, LocalDate signedOn) {
    }
    List<Published> published = agreements.findByTenant(tenantId).stream()
        .flatMap(a -> jdbc.sql("select cycle_year, signed_on from promise_publication where agreement_id = :a "
                + "and published order by cycle_year")
            .param("a", a.id())
            .query((rs, n) -> new Published(a, rs.getInt(1), rs.getDate(2).toLocalDate())).list().stream())
        .sorted(Comparator.comparingInt(Published::year)).toList();
    Optional<Published> shown = year != null
        ? published.stream().filter(p -> p.year() == year).findFirst()
        : published.stream().filter(p -> p.year() <= today.getYear()).reduce((first, last) -> last)
            .or(() -> published.stream().findFirst());
    return shown.map(p -> new PublicPage(tenantId, p.agreement().municipality(), p.agreement().policeArea(),
        p.agreement().periodStart(), p.agreement().periodEnd(), year(p.agreement(), p.year(), p.signedOn(), today),
        published.stream().map(Published::year).distinct().toList()));
  }

  /** The agreement whose promises of that year are on the municipality's public page, if they are. */
  @Transactional(readOnly = true)
  public Optional<Agreement> publishedAgreement(String tenantId, int year) {
    if (!pageEnabled(tenantId)) {
      return Optional.empty();
    }
    return agreements.findByTenant(tenantId).stream()
        .filter(a -> jdbc.sql("select published from promise_publication where agreement_id = :a and cycle_year = :y")
            .param("a", a.id()).param("y", year).query(Boolean.class).optional().orElse(false))
        .findFirst();
  }

  /**
   * Where a year stands for the coordinators: signed or not, published or withdrawn (when and by whom), and whether
   * the municipality's page is on at all.
   */
  public record Status(boolean pageEnabled, LocalDate signedOn, boolean published, String recordedBy,
      java.time.LocalDateTime withdrawnAt, String withdrawnBy) {
  }

  @Transactional(readOnly = true)
  public Status status(Agreement agreement, int year) {
    boolean enabled = pageEnabled(agreement.tenantId());
    return jdbc.sql("select signed_on, published, recorded_by, withdrawn_at, withdrawn_by from promise_publication "
            + "where agreement_id = :a and cycle_year = :y")
        .param("a", agreement.id()).param("y", year)
        .query((rs, n) -> new Status(enabled, rs.getDate(1).toLocalDate(), rs.getBoolean(2), rs.getString(3),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime(), rs.getString(5)))
        .optional().orElse(new Status(enabled, null, false, null, null, null));
  }

  /** Every municipality's page as it shows today, by name: the national listing. */
  @Transactional(readOnly = true)
  public List<PublicPage> all(LocalDate today) {
    return jdbc.sql("select distinct a.tenant_id from agreement a join promise_publication p "
            + "on p.agreement_id = a.id where p.published")
        .query(String.class).list().stream().map(tenant -> page(tenant, null, today)).flatMap(Optional::stream)
        .sorted(Comparator.comparing(PublicPage::municipality)).toList();
  }

  private PublicPage.Year year(Agreement agreement, int year, LocalDate signedOn, LocalDate today) {
    List<PublicPage.Promise> shown = promises.statuses(agreement, year, today).stream().map(s -> {
      LocalDate updated = s.occurrences().stream().filter(d -> !d.isAfter(today)).max(Comparator.naturalOrder())
          .filter(d -> d.isAfter(signedOn)).orElse(signedOn);
      var verdict = s.progress() == null ? null : s.progress().verdict();
      return new PublicPage.Promise(s.index(), s.promise().text(), s.promise().party().swedishName(),
          s.promise().target() == null ? null : s.promise().target().swedish(),
          verdict == null ? null : verdict.name(), verdict == null ? null : verdict.swedishName(),
          verdict == null ? null : verdict.symbol(),
          (int) s.occurrences().stream().filter(d -> !d.isAfter(today)).count(), updated);
    }).toList();
    LocalDate updatedOn = shown.stream().map(PublicPage.Promise::updatedOn).max(Comparator.naturalOrder())
        .orElse(signedOn);
    return new PublicPage.Year(year, signedOn, plans.focusAreas(agreement.id(), year), shown, updatedOn);
  }

  private boolean pageEnabled(String tenantId) {
    return jdbc.sql("select enabled from public_page where tenant_id = :t").param("t", tenantId)
        .query(Boolean.class).optional().orElse(true);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
