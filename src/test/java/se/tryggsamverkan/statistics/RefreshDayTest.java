package se.tryggsamverkan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.statistics.OfficialStatistics.Refresh;

/**
 * The day a refresh is dated by (the situation picture's "hämtade från Kolada <day>") is the installation's day
 * (trygg.time-zone), not the server's and not a fixed zone: a refresh just before midnight UTC on New Year's Eve is
 * already the new year in Sweden.
 */
class RefreshDayTest {

  private static final Instant NEW_YEARS_EVE_2330_UTC = Instant.parse("2026-12-31T23:30:00Z");

  @Test
  void aRefreshIsDatedInTheInstallationsTimeZone() {
    Refresh refresh = new Refresh("OK", null, NEW_YEARS_EVE_2330_UTC, NEW_YEARS_EVE_2330_UTC);

    assertThat(statisticsIn("Europe/Stockholm").dayOf(refresh)).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(statisticsIn("Europe/London").dayOf(refresh)).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void aRefreshThatNeverSucceededIsDatedByItsAttempt() {
    Refresh failed = new Refresh("ERROR", "Kolada svarade med fel 500", NEW_YEARS_EVE_2330_UTC, null);
    Refresh failedAfterASuccess = new Refresh("ERROR", "Kolada svarade med fel 500", NEW_YEARS_EVE_2330_UTC,
        Instant.parse("2026-12-30T08:00:00Z"));

    assertThat(statisticsIn("Europe/Stockholm").dayOf(failed)).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(statisticsIn("Europe/Stockholm").dayOf(failedAfterASuccess)).isEqualTo(LocalDate.of(2026, 12, 30));
  }

  /** Only the clock matters here: nothing is fetched or stored. */
  private static OfficialStatistics statisticsIn(String zone) {
    return new OfficialStatistics(null, null, null, null, null, null, null,
        Clock.fixed(NEW_YEARS_EVE_2330_UTC, ZoneId.of(zone)));
  }
}
