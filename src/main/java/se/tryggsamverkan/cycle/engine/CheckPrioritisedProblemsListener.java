package se.tryggsamverkan.cycle.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.cycle.ProblemList;

/** {@code Task_MergeAndPrioritise} on complete: refuses an empty or malformed list of problems. */
@Component
class CheckPrioritisedProblemsListener implements TaskListener {

  private final ProblemList problems;

  CheckPrioritisedProblemsListener(ProblemList problems) {
    this.problems = problems;
  }

  @Override
  public void notify(DelegateTask task) {
    problems.parse(YearlyCycleProcess.PRIORITISED_PROBLEMS.optionalFrom(task).orElse(null));
  }
}
