package se.tryggsamverkan.report.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.engine.TaskAttachments;
import se.tryggsamverkan.report.FollowUpReport;
import se.tryggsamverkan.report.YearlyReports;

/**
 * {@code Task_YearlyFollowUpReport} on create: a draft of the report from what the year recorded, archived,
 * attached to the task and linked from its form, so that the coordinators write the summary looking at it.
 */
@Component
class DraftYearlyReportListener implements TaskListener {

  private final YearlyReports reports;
  private final AgreementRepository agreements;
  private final TaskAttachments attachments;
  private final EngineClock clock;

  DraftYearlyReportListener(YearlyReports reports, AgreementRepository agreements, TaskAttachments attachments,
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
    FollowUpReport draft = reports.build(agreement, year, new YearlyReports.Texts(
        JOINT_SITUATION_PICTURE.optionalFrom(task).orElse(null), null, null, null), true, clock.today(),
        clock.now().toLocalDateTime());
    YearlyReports.Archived archived = reports.archive(agreement, year, draft, task.getId(), null);
    ReportLinks links = ReportLinks.of(agreement, year);
    // a link to the version, printed when first opened: no PDF is printed in the timer job that drafts it
    attachments.attachLink(task.getId(), task.getProcessInstanceId(), "application/pdf",
        links.fileName(archived.version(), true), "Utkast till uppföljningsrapporten " + year,
        links.pdf() + "?version=" + archived.version());
    REPORT_PDF_URL.setLocal(task, links.pdf());
    REPORT_HTML_URL.setLocal(task, links.html());
  }
}
