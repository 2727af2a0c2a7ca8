package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.plan.PlanService;
import se.tryggsamverkan.common.FormLimits;

/**
 * {@code Task_PoliceSituationPicture} and {@code Task_MunicipalSituationPicture} on complete: checks the
 * party's picture and stores its sources, figures and places.
 */
@Component
class RecordSituationPictureListener implements TaskListener {

  private final PlanService plans;

  RecordSituationPictureListener(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    checks.requiredText(SITUATION_PICTURE.name(), SITUATION_PICTURE.optionalFrom(task).orElse(null), "Lägesbild",
        FormLimits.max("situationPicture", "situationPicture"));
    checks.throwIfAny();
    Party party = TASK_POLICE_SITUATION_PICTURE.equals(task.getTaskDefinitionKey()) ? Party.POLICE
        : Party.MUNICIPALITY;
    plans.recordSituationPicture(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task), party,
        SITUATION_ENTRIES.optionalFrom(task).orElse(null), PLACES.optionalFrom(task).orElse(null), task.getId());
  }
}
