package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.cycle.SteeringDecision;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.plan.PlanService;

/**
 * {@code Task_PoliceSteeringDecision} and {@code Task_MunicipalSteeringDecision} on complete: a decision must be
 * approve or return, and a return must say why; it is kept with who decided, when and on which plan version.
 */
@Component
class RecordSteeringDecisionListener implements TaskListener {

  private final PlanService plans;
  private final EngineClock clock;

  RecordSteeringDecisionListener(PlanService plans, EngineClock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Party party = TASK_POLICE_STEERING_DECISION.equals(task.getTaskDefinitionKey()) ? Party.POLICE
        : Party.MUNICIPALITY;
    SteeringDecision decision = SteeringDecision.of(party, DECISION.optionalFrom(task).orElse(null),
        DECISION_COMMENT.optionalFrom(task).orElse(null));
    plans.recordDecision(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task),
        DECISION_ROUND.optionalFrom(task).orElse(0) + 1, decision, PLAN_VERSION.optionalFrom(task).orElse(0),
        CurrentUser.of(task), clock.now().toLocalDateTime(), task.getId());
  }
}
