package se.tryggsamverkan.reminder;

import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.agreement.Party;

/**
 * Summons both coordinators to the local crime-prevention council's monthly meeting, two weeks ahead, with an
 * iCalendar file; the council's chair follows the steering group's half-year rotation.
 */
@Service
public class CouncilMeetingInvitations {

  static final int DAYS_AHEAD = 14;
  static final String MEETING = "Lokala brottsförebyggande rådets möte";

  private final AgreementRepository agreements;
  private final Recipients recipients;
  private final Outbox outbox;
  private final String from;

  CouncilMeetingInvitations(AgreementRepository agreements, Recipients recipients, Outbox outbox,
      @Value("${trygg.mail.from}") String from) {
    this.agreements = agreements;
    this.recipients = recipients;
    this.outbox = outbox;
    this.from = from;
  }

  /** Records the invitations to every council meeting within the next two weeks that has none yet. */
  @Transactional
  public void plan(ZonedDateTime now) {
    for (Agreement agreement : agreements.withCouncilMeetings()) {
      agreement.council().nextMeeting(now.toLocalDate(), agreement.periodStart(), agreement.periodEnd())
          .filter(date -> !date.isAfter(now.toLocalDate().plusDays(DAYS_AHEAD)))
          .ifPresent(date -> invite(agreement, date, now));
    }
  }

  private void invite(Agreement agreement, java.time.LocalDate date, ZonedDateTime now) {
    var council = agreement.council();
    Party chair = agreement.chairRotation().chairOn(date);
    String matter = "Lägesbild, pågående aktiviteter och uppdrag från styrgruppen.";
    MeetingInvitation meeting = new MeetingInvitation(agreement.id() + "-rad-" + date + "@trygg-samverkan",
        MEETING + " – " + agreement.municipality(), date.atTime(council.time()),
        date.atTime(council.time()).plusHours(2), now.getZone(), council.place(),
        "Ordförande: " + chair.swedishName() + ". " + matter, from);
    TaskFacts facts = new TaskFacts(agreement.id(), MEETING, agreement.tenantId(), agreement.municipality(),
        date.atTime(council.time()).atZone(now.getZone()), null, List.of(), agreement.id());
    String ics = meeting.ics(now);
    for (Recipient to : recipients.users(List.of(agreement.policeCoordinator(), agreement.municipalCoordinator()))) {
      try {
        outbox.record(facts, MailKind.councilMeetingInvitation(), to, MailContent.invitation(MEETING,
            agreement.municipality(), to, date, council.time(), council.place(), chair.swedishName(), matter), ics);
      } catch (DuplicateKeyException anotherSweepWasFirst) {
        // already invited
      }
    }
  }
}
