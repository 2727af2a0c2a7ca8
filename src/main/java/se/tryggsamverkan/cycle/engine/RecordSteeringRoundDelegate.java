package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.cycle.SteeringDecision;
import se.tryggsamverkan.cycle.SteeringRound;

/**
 * {@code Task_RecordSteeringRound}: combines both parties' decisions into the round's outcome, and keeps
 * every returned round's comments for the coordinators who revise the plan.
 */
@Component
class RecordSteeringRoundDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int round = DECISION_ROUND.optionalFrom(execution).orElse(0) + 1;
    SteeringRound outcome = new SteeringRound(round,
        SteeringDecision.of(Party.POLICE, POLICE_DECISION.optionalFrom(execution).orElse(null),
            POLICE_DECISION_COMMENT.optionalFrom(execution).orElse(null)),
        SteeringDecision.of(Party.MUNICIPALITY, MUNICIPAL_DECISION.optionalFrom(execution).orElse(null),
            MUNICIPAL_DECISION_COMMENT.optionalFrom(execution).orElse(null)));
    DECISION_ROUND.set(execution, round);
    STEERING_GROUP_AGREES.set(execution, outcome.agreed());
    if (!outcome.agreed()) {
      String earlier = STEERING_COMMENTS.optionalFrom(execution).orElse("");
      STEERING_COMMENTS.set(execution, earlier.isEmpty() ? outcome.summary() : outcome.summary() + "\n\n" + earlier);
    }
  }
}
