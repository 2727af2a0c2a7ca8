package se.tryggsamverkan.cycle.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.cycle.PrioritisedProblem;
import se.tryggsamverkan.cycle.ProblemList;

/** {@code Task_CauseAnalysis}'s collection: one cause analysis per prioritised problem. */
@Component("problemTitles")
public class ProblemTitles {

  private final ProblemList problems;

  ProblemTitles(ProblemList problems) {
    this.problems = problems;
  }

  public List<String> titles(DelegateExecution execution) {
    return problems.parse(YearlyCycleProcess.PRIORITISED_PROBLEMS.optionalFrom(execution).orElse(null)).stream()
        .map(PrioritisedProblem::title)
        .toList();
  }
}
