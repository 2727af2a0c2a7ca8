package se.tryggsamverkan.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemListTest {

  private final ProblemList problems = new ProblemList();

  @Test
  void readsTheRowsOfTheDynamicListAndSkipsEmptyOnes() {
    assertThat(problems.parse("[{\"title\":\" Buskörning \",\"description\":\"vid skolor\"},{\"title\":\"\"},"
        + "{\"title\":\"Narkotika\"}]"))
        .containsExactly(new PrioritisedProblem("Buskörning", "vid skolor", null),
            new PrioritisedProblem("Narkotika", "", null));
  }

  @Test
  void refusesNothingDuplicatesAndGarbageInSwedish() {
    assertThatThrownBy(() -> problems.parse("[]")).hasMessageContaining("Ange minst ett prioriterat problem");
    assertThatThrownBy(() -> problems.parse(null)).hasMessageContaining("Ange minst ett prioriterat problem");
    assertThatThrownBy(() -> problems.parse("[{\"title\":\"A\"},{\"title\":\"a\"}]"))
        .hasMessageContaining("står med två gånger");
    assertThatThrownBy(() -> problems.parse("{oj")).hasMessageContaining("kunde inte läsas");
    assertThatThrownBy(() -> problems.parse("{\"title\":\"A\"}")).hasMessageContaining("ska vara en lista");
  }
}
