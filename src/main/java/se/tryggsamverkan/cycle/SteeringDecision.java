package se.tryggsamverkan.cycle;

import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.common.InvalidInputException;

/** One party's steering-group member's position on the plan: approve it, or return it with a comment. */
public record SteeringDecision(Party party, Verdict verdict, String comment) {

  public enum Verdict { APPROVE, RETURN }

  /** Checks a decision as submitted; a return without a reason is refused. */
  public static SteeringDecision of(Party party, Object verdict, Object comment) {
    String text = comment == null ? "" : comment.toString().trim();
    Verdict parsed;
    try {
      parsed = Verdict.valueOf(verdict == null ? "" : verdict.toString().trim());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("decision", "Välj om planen godkänns eller återremitteras");
    }
    if (parsed == Verdict.RETURN && text.isEmpty()) {
      throw InvalidInputException.of("decisionComment", "Skriv varför planen återremitteras");
    }
    if (text.length() > 10_000) {
      throw InvalidInputException.of("decisionComment", "Kommentaren är för lång (högst 10000 tecken)");
    }
    return new SteeringDecision(party, parsed, text.isEmpty() ? null : text);
  }

  public boolean approves() {
    return verdict == Verdict.APPROVE;
  }
}
