package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.plan.PlanService;

/**
 * {@code Task_ActionPlan} on complete: checks the activities and promises and stores them as a new version of
 * the plan; the steering group sees the summary and, after a return, what changed.
 */
@Component
class RecordActionPlanListener implements TaskListener {

  private final PlanService plans;

  RecordActionPlanListener(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    PlanService.Submission submission = plans.submitActionPlan(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task),
        ACTIVITIES.optionalFrom(task).orElse(null), PROMISES.optionalFrom(task).orElse(null), task.getId(),
        CurrentUser.of(task));
    PLAN_VERSION.set(task.getExecution(), submission.plan().version());
    PLAN_SUMMARY.set(task.getExecution(), submission.summary());
    PLAN_CHANGES.set(task.getExecution(), submission.changes());
  }
}
