package se.tryggsamverkan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanChangesTest {

  private static Activity activity(String description, LocalDate end) {
    return new Activity("Trygghet i trafik", description, "Färre klagomål", Responsible.POLICE, "kb.polis",
        LocalDate.of(2027, 1, 1), end, "Antal kontroller", FollowUpInterval.QUARTERLY);
  }

  @Test
  void namesAddedRemovedAndChangedActivitiesAndPromises() {
    ActionPlan first = new ActionPlan(1, List.of(activity("Trafikkontroller", LocalDate.of(2027, 6, 30)),
        activity("Nattvandring", LocalDate.of(2027, 12, 31))),
        List.of(new CitizenPromise("Trafikkontroller", Responsible.POLICE, null)));
    ActionPlan second = new ActionPlan(2, List.of(activity("Trafikkontroller", LocalDate.of(2027, 12, 31)),
        activity("Åtgärdsplaner för skolor", LocalDate.of(2027, 12, 31))),
        List.of(new CitizenPromise("Trafikkontroller", Responsible.POLICE,
            new PromiseTarget(1, PromiseTarget.Period.WEEK))));

    assertThat(PlanChanges.between(first, second)).containsExactly(
        "Ändrad aktivitet: Trafikkontroller (slutdatum 2027-12-31)",
        "Ny aktivitet: Åtgärdsplaner för skolor",
        "Borttagen aktivitet: Nattvandring",
        "Ändrat löfte: Trafikkontroller");
    assertThat(PlanChanges.describe(1, 2, List.of())).isEqualTo(
        "Ändringar från version 1 till version 2:\n- Inga ändringar");
  }
}
