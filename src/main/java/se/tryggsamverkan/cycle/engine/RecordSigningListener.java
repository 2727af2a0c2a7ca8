package se.tryggsamverkan.cycle.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.publication.Publications;

/**
 * {@code Task_SignAndPublish} on complete: the promises are signed on the day given, and published on the
 * municipality's public page unless the coordinators unticked it (a submit that does not know the box publishes, as
 * the task's name says).
 */
@Component
class RecordSigningListener implements TaskListener {

  private final Publications publications;

  RecordSigningListener(Publications publications) {
    this.publications = publications;
  }

  @Override
  public void notify(DelegateTask task) {
    FieldChecks checks = new FieldChecks();
    var signedOn = checks.requiredDate(SIGNED_ON.name(), SIGNED_ON.optionalFrom(task).orElse(null), "Undertecknat den");
    checks.throwIfAny();
    String who = CurrentUser.of(task);
    publications.recordSigning(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task), signedOn,
        PUBLISH_PROMISES.optionalFrom(task).orElse(true), who == null ? "okänd" : who);
  }
}
