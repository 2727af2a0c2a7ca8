package se.tryggsamverkan.statistics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the official figures come from and which (issue 17): Kolada's open API (v3; v2 was shut down in 2026), the
 * indicators (KPI ids with their titles as Kolada lists them), how many years back, and how long a call may take.
 *
 * @param enabled off: no call is made and the situation picture says the figures are not fetched
 * @param baseUrl Kolada's API, without a trailing slash
 * @param timeout for connecting and for each answer; a slower answer is a failure, never a hanging task
 * @param years how many years before the cycle's year are fetched and offered
 * @param refreshCron when every municipality's figures are refreshed (Spring cron, Swedish time); "-" never
 * @param municipalityCodes a tenant's Kolada id where its name does not find it (tenant id to four digits)
 */
@ConfigurationProperties("trygg.statistics.kolada")
public record KoladaSettings(Boolean enabled, String baseUrl, Duration timeout, Integer years, String refreshCron,
    List<Indicator> indicators, Map<String, String> municipalityCodes) {

  /** A KPI: its id and its title, as Kolada lists them, and the unit shown beside the figure. */
  public record Indicator(String id, String title, String unit) {
  }

  public KoladaSettings {
    enabled = enabled == null || enabled;
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.kolada.se/v3" : baseUrl.replaceAll("/+$", "");
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    years = years == null ? 5 : years;
    refreshCron = refreshCron == null || refreshCron.isBlank() ? "0 40 4 * * *" : refreshCron;
    indicators = indicators == null || indicators.isEmpty() ? DEFAULT_INDICATORS : List.copyOf(indicators);
    municipalityCodes = municipalityCodes == null ? Map.of() : Map.copyOf(municipalityCodes);
  }

  /**
   * Reported crime per 100,000 inhabitants, by the place of the crime (BRÅ and SCB through Kolada). The ids and
   * titles were checked in Kolada's v3 KPI list (saved 2026-03-23); stöld and skadegörelse are U-ids, not N-ids.
   */
  static final List<Indicator> DEFAULT_INDICATORS = List.of(
      new Indicator("N07540", "Anmälda brott totalt, antal/100 000 inv", "anmälda brott per 100 000 invånare"),
      new Indicator("N07403", "Anmälda våldsbrott, antal/100 000 inv", "anmälda brott per 100 000 invånare"),
      new Indicator("U07417", "Anmälda stöld- och tillgreppsbrott, antal/100 000 inv",
          "anmälda brott per 100 000 invånare"),
      new Indicator("U07452", "Anmälda brott om skadegörelse, antal/100 000 inv", "anmälda brott per 100 000 invånare"));
}
