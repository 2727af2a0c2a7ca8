package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.cycle.CycleRecords;
import se.tryggsamverkan.common.FormLimits;

/** {@code Task_HandOverLessons}: stores the follow-up's lessons for the next year's situation picture. */
@Component
class HandOverLessonsDelegate implements JavaDelegate {

  private final CycleRecords records;

  HandOverLessonsDelegate(CycleRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FieldChecks checks = new FieldChecks();
    String lessons = checks.requiredText(LESSONS_FOR_NEXT_YEAR.name(),
        LESSONS_FOR_NEXT_YEAR.optionalFrom(execution).orElse(null), "Lärdomar till nästa år",
        FormLimits.max("yearlyFollowUpReport", "lessonsForNextYear"));
    checks.throwIfAny();
    records.saveLessons(AGREEMENT_ID.from(execution), CYCLE_YEAR.from(execution), lessons);
  }
}
