package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.followup.PromiseProgress.Verdict.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.plan.PromiseTarget;

class PromiseProgressTest {

  private static final PromiseTarget WEEKLY = PromiseTarget.parse("minst 1 per vecka").orElseThrow();
  private static final PromiseTarget TWICE_A_YEAR = PromiseTarget.parse("minst 2 per år").orElseThrow();

  private static List<LocalDate> dates(String... days) {
    return Arrays.stream(days).map(LocalDate::parse).toList();
  }

  private static PromiseProgress.Result weekly(String today, String... done) {
    return PromiseProgress.of(WEEKLY, LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-31"), dates(done),
        LocalDate.parse(today));
  }

  @Test
  void aWeeklyPromiseHeldEveryWeekIsKept() {
    var result = weekly("2027-02-01", "2027-01-05", "2027-01-12", "2027-01-20", "2027-01-26");
    assertThat(result.verdict()).isEqualTo(KEPT);
    assertThat(result.periods()).hasSize(4).allMatch(PromiseProgress.Period::met);
    assertThat(result.expectedSoFar()).isEqualTo(4);
    assertThat(result.doneSoFar()).isEqualTo(4);
  }

  @Test
  void aWeekWithoutAControlBreaksAWeeklyPromise() {
    var result = weekly("2027-02-01", "2027-01-05", "2027-01-12", "2027-01-13", "2027-01-26");
    assertThat(result.verdict()).isEqualTo(NOT_KEPT);
    assertThat(result.doneSoFar()).as("two in one week make up for no other week").isEqualTo(3);
  }

  @Test
  void duringThePeriodAMissedWeekOrALateCurrentWeekIsAtRisk() {
    assertThat(weekly("2027-01-12", "2027-01-05").verdict()).as("Tuesday of week 2").isEqualTo(ON_TRACK);
    assertThat(weekly("2027-01-15", "2027-01-05").verdict()).as("Friday of week 2, nothing yet").isEqualTo(AT_RISK);
    assertThat(weekly("2027-01-19", "2027-01-12").verdict()).as("week 1 was missed").isEqualTo(AT_RISK);
  }

  @Test
  void aYearlyTargetIsCountedPerCalendarYear() {
    LocalDate start = LocalDate.parse("2027-01-01");
    LocalDate end = LocalDate.parse("2028-12-31");
    List<LocalDate> done2027 = dates("2027-03-01", "2027-09-01");
    assertThat(PromiseProgress.of(TWICE_A_YEAR, start, end, done2027, LocalDate.parse("2028-03-01")).verdict())
        .isEqualTo(ON_TRACK);
    assertThat(PromiseProgress.of(TWICE_A_YEAR, start, end, done2027, LocalDate.parse("2028-08-01")).verdict())
        .isEqualTo(AT_RISK);
    List<LocalDate> oneIn2028 = dates("2027-03-01", "2027-09-01", "2028-05-01");
    assertThat(PromiseProgress.of(TWICE_A_YEAR, start, end, oneIn2028, LocalDate.parse("2029-01-01")).verdict())
        .isEqualTo(NOT_KEPT);
  }

  @Test
  void aPartlyCoveredPeriodExpectsItsShareOfTheTarget() {
    var halfYear = PromiseProgress.of(TWICE_A_YEAR, LocalDate.parse("2027-07-01"), LocalDate.parse("2027-12-31"),
        dates("2027-10-15"), LocalDate.parse("2028-01-01"));
    assertThat(halfYear.periods()).singleElement().extracting(PromiseProgress.Period::expected).isEqualTo(1);
    assertThat(halfYear.verdict()).isEqualTo(KEPT);

    var fromWednesday = PromiseProgress.of(WEEKLY, LocalDate.parse("2027-01-06"), LocalDate.parse("2027-01-17"),
        dates("2027-01-08", "2027-01-14"), LocalDate.parse("2027-01-18"));
    assertThat(fromWednesday.periods()).extracting(PromiseProgress.Period::expected).containsExactly(1, 1);
    assertThat(fromWednesday.periods().get(0).from()).isEqualTo("2027-01-06");
    assertThat(fromWednesday.verdict()).isEqualTo(KEPT);
  }
}
