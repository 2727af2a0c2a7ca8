package se.tryggsamverkan.cycle.engine;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.AgreementCalendar;
import se.tryggsamverkan.agreement.Phase;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.engine.EngineClock;

/**
 * Due dates and the cycle-start timer, computed from the agreement's yearly calendar. Used by every user
 * task's {@code camunda:dueDate} and by {@code Timer_CycleStart}.
 */
@Component("deadlines")
public class Deadlines {

  private final AgreementCalendar calendar;
  private final EngineClock clock;

  Deadlines(AgreementCalendar calendar, EngineClock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public Date dueDate(DelegateExecution execution, String phase) {
    return clock.endOfDay(calendar.dueDate(YearlyCycleProcess.AGREEMENT_ID.from(execution),
        YearlyCycleProcess.CYCLE_YEAR.from(execution), Phase.valueOf(phase), clock.today()));
  }

  public Date cycleStart(DelegateExecution execution) {
    return clock.startOfDay(calendar.cycleStart(YearlyCycleProcess.AGREEMENT_ID.from(execution),
        YearlyCycleProcess.CYCLE_YEAR.from(execution)));
  }

  public Date agreementEvaluationDue(DelegateExecution execution) {
    return clock.endOfDay(calendar.evaluationDue(AgreementProcess.AGREEMENT_ID.from(execution), clock.today()));
  }
}
