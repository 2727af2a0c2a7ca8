package se.tryggsamverkan.agreement.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.AgreementCalendar;

/** {@code CallActivity_YearlyCycle}'s collection: one cycle per calendar year of the agreement's period. */
@Component("agreementYears")
public class AgreementYears {

  private final AgreementCalendar calendar;

  AgreementYears(AgreementCalendar calendar) {
    this.calendar = calendar;
  }

  public List<Integer> of(DelegateExecution execution) {
    return calendar.agreement(AgreementProcess.AGREEMENT_ID.from(execution)).cycleYears();
  }
}
