package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code Flow_ActivityFollowedUp} on take: empties the owner's answer once it is stored. The answer's variables
 * live in the activity's instance for its whole year (its input mapping), where each follow-up's submit writes them
 * and no task needs a scope of its own; emptied, the next follow-up's form starts from today's status and an empty
 * list of promises carried out, not from the last answer. Set to null, not removed: a removed variable would make
 * the next submit write into the cycle, which every activity shares.
 */
@Component
class ClearFollowUpAnswerListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    for (var answer : new String[] {ACTIVITY_STATUS.name(), STATUS_COMMENT.name(), PROMISE_OCCURRENCES.name()}) {
      execution.setVariable(answer, null);
    }
  }
}
