package se.tryggsamverkan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.demo.DemoContent.ActivityRow;
import se.tryggsamverkan.demo.DemoContent.CycleContent;
import se.tryggsamverkan.demo.DemoContent.DemoUser;
import se.tryggsamverkan.demo.DemoContent.Municipality;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.plan.FollowUpInterval;

/**
 * The demo's content file is read whole: the counts and texts below are those the demo had as Java seeds, so that a
 * text cut short, a property misspelt or the file read in the wrong encoding shows here rather than in the demo.
 */
class DemoContentTest {

  private final DemoContent content = DemoContent.read();

  @Test
  void bothMunicipalitiesWithOneUserPerWorkingRoleAndTheManagers() {
    assertThat(content.municipalities()).extracting(Municipality::tenantId, Municipality::name, Municipality::policeArea,
            Municipality::meetingPlace)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kungsbacka", "Kungsbacka kommun", "Lokalpolisområde Kungsbacka",
                "Stadshuset, Kungsbacka"),
            org.assertj.core.groups.Tuple.tuple("kavlinge", "Kävlinge kommun", "Lokalpolisområde Kävlinge",
                "Kommunhuset, Kävlinge"));
    List<Role> working = Arrays.stream(Role.values()).filter(r -> r != Role.MANAGER).toList();
    for (Municipality m : content.municipalities()) {
      assertThat(m.users()).extracting(DemoUser::role).containsExactlyInAnyOrderElementsOf(working);
      assertThat(m.users()).allSatisfy(u -> assertThat(u.id()).startsWith(m.tenantId() + "."));
    }
    assertThat(content.municipality("kavlinge").userFor(Role.MUNICIPAL_STEERING)).isEqualTo("kavlinge.kso");
    assertThat(content.municipality("kungsbacka").users().get(1).firstName()).isEqualTo("Brå-samordnare");
    assertThat(content.managers()).extracting(DemoContent.Manager::id, DemoContent.Manager::covers).containsExactly(
        org.assertj.core.groups.Tuple.tuple("kungsbacka.ledning", List.of("kungsbacka")),
        org.assertj.core.groups.Tuple.tuple("region.ledning", List.of("kungsbacka", "kavlinge")));
    assertThat(content.password()).isEqualTo("demo");
    assertThat(content.councilDayOfMonth()).isEqualTo(2);
  }

  @Test
  void everyRowOfTheSeedsIsThere() {
    CycleContent kb = content.municipality("kungsbacka").cycle();
    CycleContent kv = content.municipality("kavlinge").cycle();

    assertThat(kb.policeEntries()).hasSize(2);
    assertThat(kb.municipalEntries()).hasSize(3);
    assertThat(kb.places()).hasSize(3);
    assertThat(kb.focusAreas()).hasSize(3);
    assertThat(kb.problems()).hasSize(3);
    assertThat(kb.activities()).hasSize(4);
    assertThat(kb.promises()).hasSize(5);
    assertThat(kv.policeEntries()).hasSize(1);
    assertThat(kv.municipalEntries()).hasSize(1);
    assertThat(kv.places()).hasSize(1);
    assertThat(kv.focusAreas()).hasSize(3);
    assertThat(kv.problems()).hasSize(2);
    assertThat(kv.activities()).hasSize(4);
    assertThat(kv.promises()).hasSize(2);
    assertThat(kb.municipalEntries().get(0)).isEqualTo(new DemoContent.Entry("SAFETY_SURVEY",
        "Svarande som upplever att det finns otrygga platser i kommunen", 60, "procent"));
    assertThat(kb.policeEntries().get(0).figure()).isNull();
    assertThat(kv.municipalEntries().get(0).figure()).isEqualTo(143);
  }

  @Test
  void textsAreReadAtFullLength() {
    CycleContent kb = content.municipality("kungsbacka").cycle();
    CycleContent kv = content.municipality("kavlinge").cycle();

    assertThat(kb.yearlyReportSummary()).isEqualTo("Under året har polisen hållit trafikkontroller varje vecka där "
        + "medborgarna har klagat, nya nattvandrare har utbildats och en föräldraföreläsning om narkotika har "
        + "hållits. Belysningen vid Resecentrum och i tunneln är bättre. Föräldrabrevet har inte nått ut som "
        + "planerat.");
    assertThat(kb.activities().get(0).followUp().outcome()).isEqualTo("Nattvandrarna har varit ute varje helg under "
        + "terminerna, men vårterminen hade färre vuxna än planerat.");
    assertThat(kv.revision().followUp().outcome()).isEqualTo("Anmälningarna ökade jämfört med året innan, vilket "
        + "tolkas som högre anmälningsbenägenhet.");
    assertThat(kv.focusAreas()).contains("Stöd att lämna kriminell livsstil/Våld i nära relation");
    assertThat(kb.halfYearPlanChanges()).isNotBlank();
    assertThat(kv.halfYearPlanChanges()).as("Kävlinge's half-year follow-up changes nothing").isNull();
  }

  /** The demo drives the engine with these values, so they must be the ones its forms and enums know. */
  @Test
  void onlyKungsbackaHasALateActivityAndEveryActivityCanBeFollowedUp() {
    CycleContent kb = content.municipality("kungsbacka").cycle();
    assertThat(kb.lateActivity()).isEqualTo("Föräldraföreläsning om narkotika genom Föräldrar Emellan");
    assertThat(kb.activities()).extracting(ActivityRow::description).contains(kb.lateActivity());
    assertThat(content.municipality("kavlinge").cycle().lateActivity()).isNull();
    for (Municipality m : content.municipalities()) {
      CycleContent c = m.cycle();
      assertThat(Stream.concat(c.activities().stream(), Stream.of(c.revision()))).allSatisfy(a -> {
        assertThat(FollowUpInterval.valueOf(a.interval())).isNotNull();
        assertThat(a.followUp().end()).matches("\\+?\\d\\d-\\d\\d");
        assertThat(a.followUp().promise()).isBetween(0, c.promises().size());
        assertThat(c.focusAreas()).contains(a.focusArea());
      });
    }
  }
}
