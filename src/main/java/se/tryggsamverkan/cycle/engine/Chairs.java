package se.tryggsamverkan.cycle.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.AgreementCalendar;
import se.tryggsamverkan.engine.EngineClock;

/** The steering-group chair shown on the decision tasks ({@code steeringChair}). */
@Component("chairs")
public class Chairs {

  private final AgreementCalendar calendar;
  private final EngineClock clock;

  Chairs(AgreementCalendar calendar, EngineClock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public String chairToday(DelegateExecution execution) {
    return calendar.chairOn(YearlyCycleProcess.AGREEMENT_ID.from(execution), clock.today()).swedishName();
  }
}
