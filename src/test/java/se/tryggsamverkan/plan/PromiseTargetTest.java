package se.tryggsamverkan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggsamverkan.plan.PromiseTarget.Period;

class PromiseTargetTest {

  @ParameterizedTest(name = "\"{0}\" is {1} per {2}")
  @CsvSource({
      "minst 1 per vecka, 1, WEEK",
      "Minst en per vecka, 1, WEEK",
      "minst två per år, 2, YEAR",
      "3 gånger per år, 3, YEAR",
      "minst 2 tillfällen per år, 2, YEAR",
      "1 gång i månaden, 1, MONTH",
      "minst 12 per året, 12, YEAR"})
  void readsTheWaysPromisesAreWritten(String text, int count, Period period) {
    assertThat(PromiseTarget.parse(text)).contains(new PromiseTarget(count, period));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ofta", "minst 1 per dag", "per vecka", "0 per år", "1000 per år", "1; drop table x"})
  void refusesWhatIsNotATargetInSwedish(String text) {
    assertThatThrownBy(() -> PromiseTarget.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Målet '");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankMeansAPromiseWithoutTarget(String text) {
    assertThat(PromiseTarget.parse(text)).isEmpty();
  }
}
