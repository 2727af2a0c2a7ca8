package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.plan.PlanService;
import se.tryggsamverkan.common.FormLimits;

/** {@code Task_MergeAndPrioritise} on complete: checks and stores the year's focus areas and problems. */
@Component
class RecordPrioritisationListener implements TaskListener {

  private final PlanService plans;

  RecordPrioritisationListener(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    checks.requiredText(JOINT_SITUATION_PICTURE.name(), JOINT_SITUATION_PICTURE.optionalFrom(task).orElse(null),
        "Gemensam lägesbild", FormLimits.max("mergeAndPrioritise", "jointSituationPicture"));
    checks.throwIfAny();
    plans.recordPrioritisation(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task),
        FOCUS_AREAS.optionalFrom(task).orElse(null), PRIORITISED_PROBLEMS.optionalFrom(task).orElse(null));
    FOCUS_AREA_NAMES.set(task.getExecution(), String.join(", ",
        plans.focusAreas(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task))));
  }
}
