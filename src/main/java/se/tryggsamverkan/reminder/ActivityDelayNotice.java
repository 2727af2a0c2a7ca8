package se.tryggsamverkan.reminder;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.plan.Activity;

/**
 * Tells an activity's owner and both coordinators that it turned "Försenad". Recorded in the outbox once per
 * person and activity (keyed {@code activity-<id>}); the next reminder sweep delivers it.
 */
@Service
public class ActivityDelayNotice {

  private final AgreementRepository agreements;
  private final Recipients recipients;
  private final Outbox outbox;
  private final String tasklistUrl;
  private final MailContent content;

  ActivityDelayNotice(AgreementRepository agreements, Recipients recipients, Outbox outbox, MailContent content,
      @Value("${trygg.mail.tasklist-url}") String tasklistUrl) {
    this.content = content;
    this.agreements = agreements;
    this.recipients = recipients;
    this.outbox = outbox;
    this.tasklistUrl = tasklistUrl;
  }

  @Transactional
  public void tell(ActivityFollowUp.PlannedActivity planned, ZonedDateTime now) {
    Agreement agreement = agreements.findById(planned.agreementId())
        .orElseThrow(() -> new IllegalStateException("No agreement " + planned.agreementId()));
    Activity a = planned.activity();
    TaskFacts facts = new TaskFacts("activity-" + planned.id(), "Försenad aktivitet: " + a.description(),
        agreement.tenantId(), agreement.municipality(), a.end().atTime(23, 59).atZone(now.getZone()), null,
        List.of(), agreement.id());
    List<String> people = new ArrayList<>();
    people.add(a.responsiblePerson());
    people.add(agreement.policeCoordinator());
    people.add(agreement.municipalCoordinator());
    String responsible = a.responsibleParty().swedishName() + " (" + a.responsiblePerson() + ")";
    // recorded together; someone told already (a retried job) is skipped
    outbox.recordAll(Outbox.Planned.toEach(facts, MailKind.activityDelayed(), recipients.users(people),
        () -> content.activityDelayed(agreement.municipality(), a.description(), a.end(), responsible, tasklistUrl),
        null));
  }
}
