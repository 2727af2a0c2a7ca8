package se.tryggsamverkan.report.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.engine.TaskAttachments;
import se.tryggsamverkan.report.YearlyReports;

/**
 * {@code Task_YearlyFollowUpReport} on complete: the final report with the coordinators' summary, board date and
 * lessons, archived as the year's report and attached to the cycle.
 */
@Component
class PublishYearlyReportListener implements TaskListener {

  private final YearlyReports reports;
  private final AgreementRepository agreements;
  private final TaskAttachments attachments;
  private final EngineClock clock;

  PublishYearlyReportListener(YearlyReports reports, AgreementRepository agreements, TaskAttachments attachments,
      EngineClock clock) {
    this.reports = reports;
    this.agreements = agreements;
    this.attachments = attachments;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Agreement agreement = agreements.findById(AGREEMENT_ID.from(task)).orElseThrow();
    int year = CYCLE_YEAR.from(task);
    YearlyReports.Texts texts = YearlyReports.Texts.checked(JOINT_SITUATION_PICTURE.optionalFrom(task).orElse(null),
        YEARLY_REPORT_SUMMARY.optionalFrom(task).orElse(null), PRESENTED_TO_BOARD_ON.optionalFrom(task).orElse(null),
        LESSONS_FOR_NEXT_YEAR.optionalFrom(task).orElse(null), year);
    YearlyReports.Archived archived = reports.archive(agreement, year,
        reports.build(agreement, year, texts, false, clock.today(), clock.now().toLocalDateTime()), task.getId(),
        CurrentUser.of(task));
    // a link to the version, printed when first opened: no PDF is printed in the completion
    ReportLinks links = ReportLinks.of(agreement, year);
    attachments.attachLink(null, task.getProcessInstanceId(), "application/pdf",
        links.fileName(archived.version(), false), "Uppföljningsrapporten " + year,
        links.pdf() + "?version=" + archived.version());
  }
}
