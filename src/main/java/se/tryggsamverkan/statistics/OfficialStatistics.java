package se.tryggsamverkan.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.common.KeyedRows;
import se.tryggsamverkan.onboarding.DirectoryChanges;
import se.tryggsamverkan.statistics.KoladaClient.KoladaUnavailable;
import se.tryggsamverkan.statistics.KoladaSettings.Indicator;

/**
 * The municipality's official figures (issue 17): fetched from Kolada for the municipality, its county and the
 * country, kept in the project's tables, and read from there by the situation picture and the report. A refresh
 * asks Kolada first, outside any transaction, and only then writes what it got in one short transaction, so that a
 * slow or absent Kolada never holds a task or a database connection. A failed refresh keeps the figures of the last
 * one and records why it failed.
 */
@Service
@EnableConfigurationProperties(KoladaSettings.class)
public class OfficialStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(OfficialStatistics.class);
  public static final String COUNTRY = "0000";

  /** How the last refresh went: OK, FAILED, UNKNOWN_MUNICIPALITY or DISABLED, and what to tell a user. */
  public record Refresh(String outcome, String message, Instant attemptedAt, Instant succeededAt) {
    public boolean ok() {
      return "OK".equals(outcome);
    }
  }

  /**
   * One indicator in one year for the municipality, beside its county and the country, and the municipality's
   * figure of the year before. Any of the figures may be null: Kolada has none.
   */
  public record Figure(Indicator indicator, int period, BigDecimal value, BigDecimal county, BigDecimal country,
      BigDecimal previous, LocalDate retrievedOn) {

    /** The change since the year before in percent, one decimal; null without both figures. */
    public BigDecimal changePercent() {
      if (value == null || previous == null || previous.signum() == 0) {
        return null;
      }
      return value.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 1, RoundingMode.HALF_UP);
    }
  }

  private final KoladaClient kolada;
  private final KoladaSettings settings;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final DirectoryChanges directory;
  private final AgreementRepository agreements;
  private final KeyedRows rows;
  private final Clock clock;

  OfficialStatistics(KoladaClient kolada, KoladaSettings settings, JdbcClient jdbc,
      PlatformTransactionManager transactions, DirectoryChanges directory, AgreementRepository agreements,
      KeyedRows rows, Clock clock) {
    this.kolada = kolada;
    this.settings = settings;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.directory = directory;
    this.agreements = agreements;
    this.rows = rows;
    this.clock = clock;
  }

  public KoladaSettings settings() {
    return settings;
  }

  /**
   * Fetches the municipality's figures, its county's and the country's for the years a cycle of last, this or next
   * year offers, and keeps them. Never throws for Kolada's sake: the outcome says what happened.
   */
  public Refresh refresh(String tenantId) {
    Instant now = clock.instant();
    if (!settings.enabled()) {
      return record(tenantId, new Refresh("DISABLED", "Officiell statistik hämtas inte i den här installationen.",
          now, null));
    }
    try {
      Optional<String[]> area = area(tenantId, now);
      if (area.isEmpty()) {
        return record(tenantId, new Refresh("UNKNOWN_MUNICIPALITY", "Kolada känner inte till kommunen under namnet "
            + name(tenantId) + ". En administratör kan ange kommunkoden i inställningarna.", now, null));
      }
      int thisYear = LocalDate.ofInstant(now, zone()).getYear();
      List<Integer> years = IntStream.rangeClosed(thisYear - settings.years() - 1, thisYear).boxed().toList();
      List<String> kpis = settings.indicators().stream().map(Indicator::id).toList();
      List<String> areas = List.of(area.get()[0], area.get()[1], COUNTRY);
      List<KoladaClient.Value> values = kolada.values(kpis, areas, years);
      transaction.executeWithoutResult(status -> store(areas, kpis, years, values, now));
      LOG.info("Kolada: {} figures for {} ({}, county {}) {}–{}", values.size(), tenantId, area.get()[0],
          area.get()[1], years.get(0), thisYear);
      return record(tenantId, new Refresh("OK", "Hämtad från Kolada " + day(now) + ".", now, now));
    } catch (KoladaUnavailable e) {
      LOG.warn("Kolada: the figures of {} could not be refreshed: {}", tenantId, e.getMessage());
      Optional<Instant> lastSuccess = lastRefresh(tenantId).map(Refresh::succeededAt);
      return record(tenantId, new Refresh("FAILED", "Kolada kunde inte nås " + day(now) + " (" + reason(e) + "). "
          + lastSuccess.map(at -> "Siffrorna från den senaste lyckade hämtningen (" + day(at) + ") finns kvar.")
              .orElse("Inga siffror är hämtade än."), now, null));
    }
  }

  /** Every municipality with an agreement, one after the other (the nightly job). */
  public int refreshAll() {
    List<String> tenants = jdbc.sql("select distinct tenant_id from agreement order by tenant_id").query(String.class)
        .list();
    int ok = 0;
    int failed = 0;
    for (String tenant : tenants) {
      try {
        ok += refresh(tenant).ok() ? 1 : 0;
      } catch (RuntimeException e) {
        // a fault of our own (the database, a figure it will not take): the others are still refreshed tonight
        failed++;
        LOG.error("Kolada: refreshing the figures of {} failed; the night's run goes on with the others", tenant, e);
        recordFault(tenant);
      }
    }
    LOG.info("Kolada: refreshed {} of {} municipalities{}", ok, tenants.size(),
        failed == 0 ? "" : ", " + failed + " failed (logged above)");
    return ok;
  }

  /** What the coordinators read after a refresh that failed on our side: the figures they see are the last ones. */
  private void recordFault(String tenantId) {
    Instant now = clock.instant();
    try {
      Optional<Instant> lastSuccess = lastRefresh(tenantId).map(Refresh::succeededAt);
      record(tenantId, new Refresh("FAILED", "Siffrorna kunde inte sparas " + day(now) + " (ett fel hos oss; "
          + "förvaltningen ser det i loggen). " + lastSuccess.map(at -> "Siffrorna från den senaste lyckade "
              + "hämtningen (" + day(at) + ") finns kvar.").orElse("Inga siffror är hämtade än."), now, null));
    } catch (RuntimeException e) {
      LOG.error("Kolada: the failed refresh of {} could not be recorded either", tenantId, e);
    }
  }

  /** The last refresh of the municipality's figures, if there was one. */
  public Optional<Refresh> lastRefresh(String tenantId) {
    return jdbc.sql("select outcome, message, attempted_at, succeeded_at from statistics_refresh where tenant_id = :t")
        .param("t", tenantId)
        .query((rs, n) -> new Refresh(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /**
   * The figures a cycle of that year starts from: every configured indicator for the {@code years} years before it
   * that Kolada has a figure for, the oldest first, with the county and the country beside.
   */
  public List<Figure> figures(String tenantId, int cycleYear) {
    Optional<String[]> area = storedArea(tenantId);
    if (area.isEmpty()) {
      return List.of();
    }
    record Key(String area, String kpi, int period) {
    }
    Map<Key, BigDecimal> values = new HashMap<>();
    Map<Key, Timestamp> retrieved = new HashMap<>();
    jdbc.sql("select area_code, kpi_id, period, figure, retrieved_at from official_statistic "
            + "where area_code in (:areas) and period between :from and :to")
        .param("areas", List.of(area.get()[0], area.get()[1], COUNTRY))
        .param("from", cycleYear - settings.years() - 1).param("to", cycleYear - 1)
        .query(rs -> {
          Key key = new Key(rs.getString(1), rs.getString(2), rs.getInt(3));
          values.put(key, rs.getBigDecimal(4));
          retrieved.put(key, rs.getTimestamp(5));
        });
    List<Figure> figures = new ArrayList<>();
    for (Indicator indicator : settings.indicators()) {
      for (int period = cycleYear - settings.years(); period < cycleYear; period++) {
        Key own = new Key(area.get()[0], indicator.id(), period);
        if (values.get(own) == null) {
          continue;
        }
        figures.add(new Figure(indicator, period, values.get(own),
            values.get(new Key(area.get()[1], indicator.id(), period)),
            values.get(new Key(COUNTRY, indicator.id(), period)),
            values.get(new Key(area.get()[0], indicator.id(), period - 1)),
            retrieved.get(own).toInstant().atZone(zone()).toLocalDate()));
      }
    }
    return figures;
  }

  /**
   * Keeps Kolada's figures for these areas, indicators and years: each one changed or added, and those Kolada no
   * longer has removed. Row by row and in the order of their keys, so that two refreshes at the same moment (two
   * nodes' nightly runs, a coordinator's "Hämta nu" beside it, two municipalities sharing their county's and the
   * country's rows) wait for each other's rows instead of adding the same key twice or locking in a circle.
   */
  private void store(List<String> areas, List<String> kpis, List<Integer> years, List<KoladaClient.Value> values,
      Instant now) {
    Map<String, KoladaClient.Value> fetched = new TreeMap<>();
    for (KoladaClient.Value v : values) {
      if (areas.contains(v.area()) && kpis.contains(v.kpi()) && years.contains(v.period())) {
        fetched.put(v.area() + "/" + v.kpi() + "/" + v.period(), v);
      }
    }
    Timestamp at = Timestamp.from(now);
    for (KoladaClient.Value v : fetched.values()) {
      BigDecimal figure = v.value() == null ? null : v.value().setScale(2, RoundingMode.HALF_UP);
      rows.updateElseInsert(
          () -> jdbc.sql("update official_statistic set figure = :v, retrieved_at = :at "
                  + "where area_code = :a and kpi_id = :k and period = :p")
              .param("v", figure).param("at", at).param("a", v.area()).param("k", v.kpi()).param("p", v.period())
              .update(),
          () -> jdbc.sql("insert into official_statistic (area_code, kpi_id, period, figure, retrieved_at) "
                  + "values (:a, :k, :p, :v, :at)")
              .param("a", v.area()).param("k", v.kpi()).param("p", v.period()).param("v", figure).param("at", at)
              .update());
    }
    jdbc.sql("select area_code, kpi_id, period from official_statistic where area_code in (:areas) "
            + "and kpi_id in (:kpis) and period in (:years) order by area_code, kpi_id, period")
        .param("areas", areas).param("kpis", kpis).param("years", years)
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}).list().stream()
        .filter(key -> !fetched.containsKey(key[0] + "/" + key[1] + "/" + key[2]))
        .forEach(gone -> jdbc.sql("delete from official_statistic where area_code = :a and kpi_id = :k "
                + "and period = :p")
            .param("a", gone[0]).param("k", gone[1]).param("p", gone[2]).update());
  }

  /** The municipality's Kolada id and its county's, looked up by name once and kept. */
  private Optional<String[]> area(String tenantId, Instant now) throws KoladaUnavailable {
    String configured = settings.municipalityCodes().get(tenantId);
    Optional<String[]> stored = storedArea(tenantId);
    if (configured == null && stored.isPresent()) {
      return stored;
    }
    Optional<String> code = configured != null ? Optional.of(configured) : kolada.municipalityId(name(tenantId));
    if (code.isEmpty() || !code.get().matches("\\d{4}")) {
      return Optional.empty();
    }
    String[] area = {code.get(), KoladaClient.countyOf(code.get())};
    transaction.executeWithoutResult(status -> rows.updateElseInsert(
        () -> jdbc.sql("update statistics_area set municipality_code = :m, county_code = :c, resolved_at = :at "
                + "where tenant_id = :t")
            .param("m", area[0]).param("c", area[1]).param("at", Timestamp.from(now)).param("t", tenantId).update(),
        () -> jdbc.sql("insert into statistics_area (tenant_id, municipality_code, county_code, resolved_at) "
                + "values (:t, :m, :c, :at)")
            .param("t", tenantId).param("m", area[0]).param("c", area[1]).param("at", Timestamp.from(now))
            .update()));
    return Optional.of(area);
  }

  private Optional<String[]> storedArea(String tenantId) {
    return jdbc.sql("select municipality_code, county_code from statistics_area where tenant_id = :t")
        .param("t", tenantId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
  }

  private String name(String tenantId) {
    return directory.municipality(tenantId).map(DirectoryChanges.MunicipalityRow::name)
        .or(() -> agreements.findByTenant(tenantId).stream().findFirst().map(a -> a.municipality()))
        .orElse(tenantId);
  }

  private Refresh record(String tenantId, Refresh refresh) {
    transaction.executeWithoutResult(status -> {
      Timestamp attempted = Timestamp.from(refresh.attemptedAt());
      Timestamp succeeded = refresh.succeededAt() == null ? null : Timestamp.from(refresh.succeededAt());
      rows.updateElseInsert(
          () -> jdbc.sql("update statistics_refresh set attempted_at = :at, outcome = :o, message = :m, "
                  + "succeeded_at = coalesce(:ok, succeeded_at) where tenant_id = :t")
              .param("at", attempted).param("o", refresh.outcome()).param("m", refresh.message())
              .param("ok", succeeded).param("t", tenantId).update(),
          () -> jdbc.sql("insert into statistics_refresh (tenant_id, attempted_at, succeeded_at, outcome, message) "
                  + "values (:t, :at, :ok, :o, :m)")
              .param("t", tenantId).param("at", attempted).param("ok", succeeded).param("o", refresh.outcome())
              .param("m", refresh.message()).update());
    });
    return refresh;
  }

  private static String reason(KoladaUnavailable e) {
    String message = e.getMessage();
    if (message.contains("did not answer")) {
      return "inget svar i tid";
    }
    if (message.contains("HTTP ")) {
      return "svarade med fel " + message.replaceAll("(?s).*HTTP (\\d+).*", "$1");
    }
    return message.contains("could not be reached") ? "ingen förbindelse" : "oväntat svar";
  }

  /** The day of the refresh's last success, or of its attempt if none succeeded, in the installation's time zone. */
  public LocalDate dayOf(Refresh refresh) {
    return LocalDate.ofInstant(refresh.succeededAt() == null ? refresh.attemptedAt() : refresh.succeededAt(), zone());
  }

  private String day(Instant instant) {
    return LocalDate.ofInstant(instant, zone()).toString();
  }

  private ZoneId zone() {
    return clock.getZone();
  }
}
