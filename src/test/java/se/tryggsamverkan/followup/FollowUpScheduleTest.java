package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.plan.FollowUpInterval;

class FollowUpScheduleTest {

  private static List<LocalDate> all(String start, String end, FollowUpInterval interval, int year, String from) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate after = LocalDate.parse(from);
    for (Optional<LocalDate> next = FollowUpSchedule.next(LocalDate.parse(start), LocalDate.parse(end), interval,
        year, after); next.isPresent(); next = FollowUpSchedule.next(LocalDate.parse(start), LocalDate.parse(end),
        interval, year, next.get())) {
      dates.add(next.get());
    }
    return dates;
  }

  @Test
  void aQuarterlyActivityOverTheYearIsFollowedUpEveryQuarterAndOnItsLastDay() {
    assertThat(all("2027-01-01", "2027-12-31", FollowUpInterval.QUARTERLY, 2027, "2026-12-20")).containsExactly(
        LocalDate.parse("2027-04-01"), LocalDate.parse("2027-07-01"), LocalDate.parse("2027-10-01"),
        LocalDate.parse("2027-12-31"));
  }

  @Test
  void anActivityThatEndsInSpringIsFollowedUpOnItsEndDateAndThenNoMore() {
    assertThat(all("2027-01-15", "2027-05-20", FollowUpInterval.MONTHLY, 2027, "2026-12-20")).containsExactly(
        LocalDate.parse("2027-02-15"), LocalDate.parse("2027-03-15"), LocalDate.parse("2027-04-15"),
        LocalDate.parse("2027-05-15"), LocalDate.parse("2027-05-20"));
  }

  @Test
  void anActivityThatRunsIntoNextYearIsFollowedUpAtTheEndOfThisOne() {
    assertThat(all("2027-03-01", "2028-06-30", FollowUpInterval.HALF_YEARLY, 2027, "2026-12-20")).containsExactly(
        LocalDate.parse("2027-09-01"), LocalDate.parse("2027-12-31"));
  }

  @Test
  void aYearlyActivityStartingLateHasOnlyItsLastFollowUp() {
    assertThat(all("2027-06-01", "2027-12-31", FollowUpInterval.YEARLY, 2027, "2026-12-20"))
        .containsExactly(LocalDate.parse("2027-12-31"));
  }

  @Test
  void aLateStartSkipsTheFollowUpsThatHavePassed() {
    assertThat(FollowUpSchedule.next(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        FollowUpInterval.QUARTERLY, 2027, LocalDate.parse("2027-05-02"))).contains(LocalDate.parse("2027-07-01"));
  }

  @Test
  void afterTheLastDayOfTheYearThereIsNothingLeft() {
    assertThat(FollowUpSchedule.next(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
        FollowUpInterval.MONTHLY, 2027, LocalDate.parse("2027-12-31"))).isEmpty();
  }
}
