package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.cycle.CycleRecords;

/** {@code Task_LoadPreviousLessons}: shows the latest earlier cycle's lessons in the situation-picture forms. */
@Component
class LoadPreviousLessonsDelegate implements JavaDelegate {

  private final CycleRecords records;

  LoadPreviousLessonsDelegate(CycleRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PREVIOUS_LESSONS.set(execution, records
        .latestLessonsBefore(AGREEMENT_ID.from(execution), CYCLE_YEAR.from(execution))
        .map(lessons -> "Lärdomar från årscykel " + lessons.fromCycleYear() + ":\n" + lessons.text())
        .orElse("Inga lärdomar från tidigare år är registrerade ännu."));
  }
}
