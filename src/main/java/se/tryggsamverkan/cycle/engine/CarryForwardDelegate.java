package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.cycle.CycleRecords;
import se.tryggsamverkan.plan.PlanService;

/**
 * {@code Task_CarryForwardFromLastYear}: a new cycle starts from what the last one left: its lessons, focus
 * areas, the activities that go on into this year and its promises, prefilled in the forms.
 */
@Component
class CarryForwardDelegate implements JavaDelegate {

  private final CycleRecords records;
  private final PlanService plans;

  CarryForwardDelegate(CycleRecords records, PlanService plans) {
    this.records = records;
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agreementId = AGREEMENT_ID.from(execution);
    int year = CYCLE_YEAR.from(execution);
    PREVIOUS_LESSONS.set(execution, records.latestLessonsBefore(agreementId, year)
        .map(lessons -> "Lärdomar från årscykel " + lessons.fromCycleYear() + ":\n" + lessons.text())
        .orElse("Inga lärdomar från tidigare år är registrerade ännu."));
    PlanService.CarriedForward carried = plans.carryForward(agreementId, year);
    setJson(execution, FOCUS_AREAS.name(), carried.focusAreasJson());
    setJson(execution, ACTIVITIES.name(), carried.activitiesJson());
    setJson(execution, PROMISES.name(), carried.promisesJson());
  }

  private static void setJson(DelegateExecution execution, String name, String json) {
    if (json != null) {
      execution.setVariable(name, SpinValues.jsonValue(json).create());
    }
  }
}
