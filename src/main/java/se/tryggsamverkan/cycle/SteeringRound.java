package se.tryggsamverkan.cycle;

import java.util.stream.Stream;

/**
 * One round of the steering group's decision. Decisions are taken by consensus: the plan is adopted only
 * when both parties approve; one return sends it back with the comments.
 */
public record SteeringRound(int round, SteeringDecision police, SteeringDecision municipality) {

  public boolean agreed() {
    return police.approves() && municipality.approves();
  }

  /** The comments of this round in Swedish, for the coordinators revising the plan. */
  public String summary() {
    StringBuilder text = new StringBuilder("Omgång ").append(round).append(":");
    Stream.of(municipality, police).forEach(d -> text.append("\n- ").append(d.party().swedishName()).append(": ")
        .append(d.approves() ? "godkänner" : "återremitterar")
        .append(d.comment() == null ? "" : " – " + d.comment()));
    return text.toString();
  }
}
