package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.cycle.CauseAnalysis;
import se.tryggsamverkan.cycle.CycleRecords;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.common.FormLimits;

/** {@code Task_CauseAnalysis} on complete: stores the analysis of this instance's problem. */
@Component
class RecordCauseAnalysisListener implements TaskListener {

  private final CycleRecords records;

  RecordCauseAnalysisListener(CycleRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    String causes = checks.requiredText(CAUSES.name(), CAUSES.optionalFrom(task).orElse(null), "Orsaker",
        FormLimits.max("causeAnalysis", "causes"));
    String sources = checks.optionalText(KNOWLEDGE_SOURCES.name(),
        KNOWLEDGE_SOURCES.optionalFrom(task).orElse(null), "Kunskapsunderlag",
        FormLimits.max("causeAnalysis", "knowledgeSources"));
    checks.throwIfAny();
    records.saveCauseAnalysis(new CauseAnalysis(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task),
        PROBLEM.from(task), causes, sources), task.getId(), CurrentUser.of(task));
  }
}
