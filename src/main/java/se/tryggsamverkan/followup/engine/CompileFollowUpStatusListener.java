package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.HalfYearFollowUp;

/**
 * {@code Task_HalfYearFollowUp} on create and on claim: the compiled status of every activity and promise, as the two
 * tables the steering group's form shows. {@link #refresh} compiles it again when an owner reports meanwhile.
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
    compileInto(task);
  }

  /** Compiles the status anew into the cycle's open half-year task, if there is one. */
  void refresh(DelegateTask reportingTask) {
    var tasks = reportingTask.getProcessEngineServices().getTaskService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      tasks.createTaskQuery().processInstanceId(reportingTask.getProcessInstanceId())
          .taskDefinitionKey(TASK_HALF_YEAR_FOLLOW_UP).list()
          .forEach(open -> tasks.setVariablesLocal(open.getId(), compiled(AGREEMENT_ID.from(reportingTask),
              CYCLE_YEAR.from(reportingTask))));
      return null;
    });
  }

  private void compileInto(VariableScope task) {
    compiled(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task)).forEach(task::setVariableLocal);
  }

  private Map<String, Object> compiled(String agreementId, int year) {
    HalfYearFollowUp.Compiled compiled = halfYear.compile(agreements.findById(agreementId).orElseThrow(), year,
        clock.today());
    try {
      return Map.of(ACTIVITY_STATUS_ROWS.name(), SpinValues.jsonValue(JSON.writeValueAsString(compiled.activities()))
              .create(),
          PROMISE_STATUS_ROWS.name(), SpinValues.jsonValue(JSON.writeValueAsString(compiled.promises())).create(),
          STATUS_COMPILED_ON.name(), clock.today().toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the compiled follow-up status", e);
    }
  }
}
