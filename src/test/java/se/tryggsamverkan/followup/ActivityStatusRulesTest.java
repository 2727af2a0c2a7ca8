package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.followup.ActivityStatus.*;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityStatusRulesTest {

  private static final LocalDate START = LocalDate.of(2027, 3, 1);
  private static final LocalDate END = LocalDate.of(2027, 9, 30);

  private static ActivityStatus on(String day, ActivityStatus reported) {
    return ActivityStatusRules.statusOn(LocalDate.parse(day), START, END, Optional.ofNullable(reported));
  }

  @Test
  void anActivityWhoseStartIsAheadIsNotStarted() {
    assertThat(on("2027-02-28", null)).isEqualTo(NOT_STARTED);
  }

  @Test
  void anActivityUnderWayWithoutAReportIsOngoingAndAReportedDeviationStands() {
    assertThat(on("2027-03-01", null)).isEqualTo(ONGOING);
    assertThat(on("2027-06-01", ONGOING_WITH_DEVIATION)).isEqualTo(ONGOING_WITH_DEVIATION);
    assertThat(on("2027-06-01", NOT_STARTED)).as("the start date has come").isEqualTo(ONGOING);
  }

  @Test
  void anActivityPastItsEndThatIsNotFinishedIsDelayedByItself() {
    assertThat(on("2027-10-01", ONGOING)).isEqualTo(DELAYED);
    assertThat(on("2027-10-01", ONGOING_WITH_DEVIATION)).isEqualTo(DELAYED);
    assertThat(on("2027-10-01", null)).isEqualTo(DELAYED);
    assertThat(on("2027-09-30", ONGOING)).as("the end date itself is not late").isEqualTo(ONGOING);
  }

  @Test
  void aFinishedActivityStaysFinishedWithOrWithoutDeviation() {
    assertThat(on("2027-12-01", COMPLETED)).isEqualTo(COMPLETED);
    assertThat(on("2027-05-01", COMPLETED_WITH_DEVIATION)).isEqualTo(COMPLETED_WITH_DEVIATION);
  }

  private static ActivityStatus on(String day, ActivityStatus reported, String stoppedOn) {
    return ActivityStatusRules.statusOn(LocalDate.parse(day), START, END, Optional.ofNullable(reported),
        Optional.of(LocalDate.parse(stoppedOn)));
  }

  @Test
  void aStoppedActivityIsStoppedFromItsStopDateAndNeverTurnsLate() {
    assertThat(on("2027-06-15", ONGOING, "2027-06-15")).as("the stop date itself").isEqualTo(STOPPED);
    assertThat(on("2027-10-01", ONGOING, "2027-06-15")).as("past its end: not Försenad").isEqualTo(STOPPED);
    assertThat(on("2027-12-31", null, "2027-06-15")).isEqualTo(STOPPED);
    assertThat(on("2027-10-01", DELAYED, "2027-06-15")).isEqualTo(STOPPED);
    assertThat(on("2027-02-01", null, "2027-01-20")).as("stopped before its start").isEqualTo(STOPPED);
  }

  @Test
  void beforeItsStopDateAStoppedActivityHasTheStatusItHadWithoutTheStop() {
    for (String day : new String[] {"2027-02-28", "2027-03-01", "2027-06-14"}) {
      for (ActivityStatus reported : new ActivityStatus[] {null, NOT_STARTED, ONGOING, ONGOING_WITH_DEVIATION}) {
        assertThat(on(day, reported, "2027-06-15")).as(day + " " + reported).isEqualTo(on(day, reported));
      }
    }
    assertThat(on("2027-10-01", ONGOING, "2027-10-05")).as("late before a stop after its end").isEqualTo(DELAYED);
  }

  @Test
  void aFinishedActivityStaysFinishedEvenIfStoppedLater() {
    assertThat(on("2027-12-01", COMPLETED, "2027-08-01")).isEqualTo(COMPLETED);
    assertThat(on("2027-12-01", COMPLETED_WITH_DEVIATION, "2027-08-01")).isEqualTo(COMPLETED_WITH_DEVIATION);
  }

  @Test
  void theDayAfterTheEndIsWhenTheOwnerAndCoordinatorsAreTold() {
    assertThat(ActivityStatusRules.becameDelayedOn(LocalDate.of(2027, 10, 1), END, Optional.of(ONGOING))).isTrue();
    assertThat(ActivityStatusRules.becameDelayedOn(LocalDate.of(2027, 10, 2), END, Optional.of(ONGOING))).isFalse();
    assertThat(ActivityStatusRules.becameDelayedOn(LocalDate.of(2027, 10, 1), END, Optional.of(COMPLETED)))
        .isFalse();
  }

  @Test
  void everyStatusHasItsSwedishNameFromTheReport() {
    assertThat(ActivityStatus.values()).extracting(ActivityStatus::swedishName).containsExactly("Ej påbörjad",
        "Pågående", "Pågående med avvikelse", "Avslutad", "Avslutad med avvikelse", "Försenad", "Stoppad");
    assertThat(ActivityStatus.values()).filteredOn(s -> !s.isReportable()).containsExactly(STOPPED);
  }
}
