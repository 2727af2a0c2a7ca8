package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.engine.TaskAttachments;
import se.tryggsamverkan.publication.PromiseDocuments;
import se.tryggsamverkan.publication.Publications;

/**
 * {@code Task_SignAndPublish} on complete: the promises are signed on the day given, and published on the
 * municipality's public page unless the coordinators unticked it (a submit that does not know the box publishes, as
 * the task's name says).
 */
@Component
class RecordSigningListener implements TaskListener {

  private final Publications publications;
  private final PromiseDocuments documents;
  private final AgreementRepository agreements;
  private final TaskAttachments attachments;

  RecordSigningListener(Publications publications, PromiseDocuments documents, AgreementRepository agreements,
      TaskAttachments attachments) {
    this.publications = publications;
    this.documents = documents;
    this.agreements = agreements;
    this.attachments = attachments;
  }

  @Override
  public void notify(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    var signedOn = checks.requiredDate(SIGNED_ON.name(), SIGNED_ON.optionalFrom(task).orElse(null), "Undertecknat den");
    checks.throwIfAny();
    String who = CurrentUser.of(task);
    Agreement agreement = agreements.findById(AGREEMENT_ID.from(task)).orElseThrow();
    int year = CYCLE_YEAR.from(task);
    publications.recordSigning(agreement.id(), year, signedOn, PUBLISH_PROMISES.optionalFrom(task).orElse(true),
        who == null ? "okänd" : who);
    documents.keepSigned(agreement, year, signedOn);
    attachments.attachLink(task.getId(), task.getProcessInstanceId(), "application/pdf",
        PromiseDocuments.fileName(agreement, year, "pdf"), "Medborgarlöftena " + year + " som de undertecknades",
        PromiseDocuments.link(agreement, year) + ".pdf");
  }
}
