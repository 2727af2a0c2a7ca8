package se.tryggsamverkan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.followup.FollowUpSchedule;
import se.tryggsamverkan.plan.FollowUpInterval;

class DemoTimelineTest {

  @Test
  void theAgreementInForceEndsThisYearAndTheRenewedOneFollows() {
    DemoTimeline timeline = new DemoTimeline(LocalDate.of(2027, 12, 31));

    assertThat(timeline.currentYear()).isEqualTo(2027);
    assertThat(timeline.renewedAgreementStart()).isEqualTo(2028);
    // four years, as Kävlinge's
    assertThat(timeline.currentAgreementStart(4)).isEqualTo(2024);
    assertThat(timeline.renewedAgreementEnd(4)).isEqualTo(2031);
    // two, as Kungsbacka's
    assertThat(timeline.currentAgreementStart(2)).isEqualTo(2026);
    assertThat(timeline.renewedAgreementEnd(2)).isEqualTo(2029);
  }

  @Test
  void theLateActivityEndedTwentyDaysAgoInTheYearThatDayFellIn() {
    DemoTimeline early = new DemoTimeline(LocalDate.of(2027, 1, 5));
    DemoTimeline leap = new DemoTimeline(LocalDate.of(2028, 3, 1));

    assertThat(early.lateActivityEnd()).isEqualTo(LocalDate.of(2026, 12, 16));
    assertThat(early.lateActivityYear()).isEqualTo(2026);
    assertThat(leap.lateActivityEnd()).isEqualTo(LocalDate.of(2028, 2, 10));
    assertThat(leap.lateActivityYear()).isEqualTo(2028);
  }

  @Test
  void ownersLeaveTheLastFortyFiveDaysOfARunningActivityOpenAndReportAnEndedOneInFull() {
    DemoTimeline timeline = new DemoTimeline(LocalDate.of(2027, 6, 30));
    LocalDate runningUntil = LocalDate.of(2027, 12, 31);
    LocalDate endedOn = LocalDate.of(2027, 6, 29);

    assertThat(timeline.reportedOn(LocalDate.of(2027, 5, 17), runningUntil, false)).isEmpty();
    assertThat(timeline.reportedOn(LocalDate.of(2027, 5, 16), runningUntil, false))
        .contains(LocalDate.of(2027, 5, 16));
    assertThat(timeline.reportedOn(LocalDate.of(2027, 6, 29), endedOn, false)).contains(LocalDate.of(2027, 6, 29));
    assertThat(timeline.reportedOn(LocalDate.of(2027, 6, 10), endedOn, true)).isEmpty();
  }

  /** What the README promises the police coordinator: from February, a monthly follow-up waits on every day. */
  @Test
  void aMonthlyActivityHasAFollowUpWaitingOnEveryDayFromFebruary() {
    for (int year : new int[] {2027, 2028}) {
      LocalDate start = LocalDate.of(year, 1, 1);
      LocalDate end = LocalDate.of(year, 12, 31);
      for (LocalDate today = LocalDate.of(year, 2, 1); !today.isAfter(end); today = today.plusDays(1)) {
        DemoTimeline timeline = new DemoTimeline(today);
        // the owner reports each follow-up in turn until one is left open
        LocalDate after = start;
        Optional<LocalDate> waiting = Optional.empty();
        for (Optional<LocalDate> next = FollowUpSchedule.next(start, end, FollowUpInterval.MONTHLY, year, after);
            next.isPresent() && !next.get().isAfter(today);
            next = FollowUpSchedule.next(start, end, FollowUpInterval.MONTHLY, year, after)) {
          if (timeline.reportedOn(next.get(), end, false).isEmpty()) {
            waiting = next;
            break;
          }
          after = next.get();
        }
        assertThat(waiting).as("a follow-up waiting on %s", today).isPresent();
      }
    }
  }
}
