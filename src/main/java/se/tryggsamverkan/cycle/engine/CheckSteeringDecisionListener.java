package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.cycle.SteeringDecision;

/**
 * {@code Task_PoliceSteeringDecision} and {@code Task_MunicipalSteeringDecision} on complete: a decision must
 * be approve or return, and a return must say why.
 */
@Component
class CheckSteeringDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Party party = TASK_POLICE_STEERING_DECISION.equals(task.getTaskDefinitionKey()) ? Party.POLICE
        : Party.MUNICIPALITY;
    SteeringDecision.of(party, DECISION.optionalFrom(task).orElse(null),
        DECISION_COMMENT.optionalFrom(task).orElse(null));
  }
}
