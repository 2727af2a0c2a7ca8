package se.tryggsamverkan.agreement;

import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Due dates and chairs for one agreement: the installation calendar with the agreement's own deviations. */
@Service
@EnableConfigurationProperties(CalendarSettings.class)
public class AgreementCalendar {

  private final AgreementRepository agreements;
  private final YearlyCalendar installationCalendar;

  AgreementCalendar(AgreementRepository agreements, CalendarSettings settings) {
    this.agreements = agreements;
    this.installationCalendar = settings.installationCalendar();
  }

  public LocalDate dueDate(String agreementId, int cycleYear, Phase phase, LocalDate today) {
    return calendarOf(agreementId).dueDate(phase, cycleYear, today);
  }

  public LocalDate cycleStart(String agreementId, int cycleYear) {
    return calendarOf(agreementId).plannedDate(Phase.CYCLE_START, cycleYear);
  }

  /** The evaluation and renewal are counted from the last year of the agreement's period. */
  public LocalDate evaluationDue(String agreementId, LocalDate today) {
    Agreement agreement = agreement(agreementId);
    return agreement.calendar(installationCalendar)
        .dueDate(Phase.AGREEMENT_EVALUATION, agreement.periodEnd().getYear(), today);
  }

  public Party chairOn(String agreementId, LocalDate date) {
    return agreement(agreementId).chairRotation().chairOn(date);
  }

  public Agreement agreement(String agreementId) {
    return agreements.findById(agreementId)
        .orElseThrow(() -> new IllegalStateException("No agreement with id " + agreementId));
  }

  private YearlyCalendar calendarOf(String agreementId) {
    return agreement(agreementId).calendar(installationCalendar);
  }
}
