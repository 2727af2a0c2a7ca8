package se.tryggsamverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YearlyCalendarTest {

  private final YearlyCalendar calendar = YearlyCalendar.defaults(14);

  @Test
  void theDefaultsAreThoseOfTheDomainWithThePlanningInTheYearBefore() {
    LocalDate january = LocalDate.of(2024, 1, 2);
    assertThat(calendar.dueDate(Phase.MERGE_AND_PRIORITISE, 2025, january)).isEqualTo("2024-03-31");
    assertThat(calendar.dueDate(Phase.CAUSE_ANALYSIS, 2025, january)).isEqualTo("2024-05-31");
    assertThat(calendar.dueDate(Phase.ACTION_PLAN, 2025, january)).isEqualTo("2024-09-30");
    assertThat(calendar.dueDate(Phase.STEERING_DECISION, 2025, january)).isEqualTo("2024-12-15");
    assertThat(calendar.dueDate(Phase.HALF_YEAR_FOLLOW_UP, 2025, january)).isEqualTo("2025-06-30");
    assertThat(calendar.dueDate(Phase.YEARLY_REPORT, 2025, january)).isEqualTo("2026-02-28");
  }

  @Test
  void aDeadlineAlreadyPassedGivesTheGracePeriodFromToday() {
    assertThat(calendar.dueDate(Phase.SITUATION_PICTURE, 2025, LocalDate.of(2024, 11, 21)))
        .isEqualTo("2024-12-05");
    assertThat(calendar.dueDate(Phase.SITUATION_PICTURE, 2025, LocalDate.of(2024, 3, 15)))
        .as("due today is not late").isEqualTo("2024-03-15");
  }

  @Test
  void overridesReplaceOnlyTheirPhase() {
    YearlyCalendar own = calendar.with(Map.of(Phase.ACTION_PLAN, Deadline.parse("-1:10-15")));

    assertThat(own.plannedDate(Phase.ACTION_PLAN, 2025)).isEqualTo("2024-10-15");
    assertThat(own.plannedDate(Phase.CAUSE_ANALYSIS, 2025)).isEqualTo("2024-05-31");
  }

  @Test
  void deadlinesAreReadAsMonthDayWithAnOptionalYearOffset() {
    assertThat(Deadline.parse("+2:02-28").inCycle(2023)).isEqualTo("2025-02-28");
    assertThat(Deadline.parse("-1:09-30").inCycle(2023)).isEqualTo("2022-09-30");
    assertThat(Deadline.parse("-1:09-30").toString()).isEqualTo("-1:09-30");
    assertThatThrownBy(() -> Deadline.parse("-2:09-30")).hasMessageContaining("högst ett år före");
    assertThat(Deadline.parse("02-29").inCycle(2025)).isEqualTo("2025-02-28");
    assertThat(Deadline.parse("02-29").inCycle(2024)).isEqualTo("2024-02-29");
    assertThat(Deadline.parse("+1:06-30").toString()).isEqualTo("+1:06-30");
    assertThatThrownBy(() -> Deadline.parse("13-01")).hasMessageContaining("datumet finns inte");
    assertThatThrownBy(() -> Deadline.parse("31/3")).hasMessageContaining("skriv MM-DD");
  }
}
