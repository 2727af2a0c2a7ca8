package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.HalfYearFollowUp;

/**
 * {@code Task_HalfYearFollowUp} on create: the compiled status of every activity and promise, as the two tables the
 * steering group's form shows.
 */
@Component
class CompileFollowUpStatusListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HalfYearFollowUp halfYear;
  private final AgreementRepository agreements;
  private final EngineClock clock;

  CompileFollowUpStatusListener(HalfYearFollowUp halfYear, AgreementRepository agreements, EngineClock clock) {
    this.halfYear = halfYear;
    this.agreements = agreements;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    HalfYearFollowUp.Compiled compiled = halfYear.compile(agreements.findById(AGREEMENT_ID.from(task)).orElseThrow(),
        CYCLE_YEAR.from(task), clock.today());
    try {
      ACTIVITY_STATUS_ROWS.setLocal(task, JSON.writeValueAsString(compiled.activities()));
      PROMISE_STATUS_ROWS.setLocal(task, JSON.writeValueAsString(compiled.promises()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the compiled follow-up status", e);
    }
  }
}
