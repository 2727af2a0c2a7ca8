package se.tryggsamverkan.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import se.tryggsamverkan.agreement.Party;

class SteeringRoundTest {

  @Test
  void thePlanIsAdoptedOnlyWhenBothPartiesApprove() {
    SteeringDecision policeApproves = SteeringDecision.of(Party.POLICE, "APPROVE", null);
    SteeringDecision municipalityApproves = SteeringDecision.of(Party.MUNICIPALITY, "APPROVE", "");
    SteeringDecision municipalityReturns = SteeringDecision.of(Party.MUNICIPALITY, "RETURN", "Mät löftena");

    assertThat(new SteeringRound(1, policeApproves, municipalityApproves).agreed()).isTrue();
    assertThat(new SteeringRound(1, policeApproves, municipalityReturns).agreed()).isFalse();
  }

  @Test
  void theSummaryNamesEachPartysPositionAndReason() {
    SteeringRound round = new SteeringRound(2, SteeringDecision.of(Party.POLICE, "RETURN", "Ange platser"),
        SteeringDecision.of(Party.MUNICIPALITY, "APPROVE", null));

    assertThat(round.summary()).isEqualTo("Omgång 2:\n- Kommunen: godkänner\n- Polisen: återremitterar – Ange platser");
  }

  @Test
  void aReturnNeedsAReasonAndADecisionMustBeOneOfTheTwo() {
    assertThatThrownBy(() -> SteeringDecision.of(Party.POLICE, "RETURN", " "))
        .hasMessageContaining("Skriv varför planen återremitteras");
    assertThatThrownBy(() -> SteeringDecision.of(Party.POLICE, null, null))
        .hasMessageContaining("Välj om planen godkänns eller återremitteras");
  }
}
