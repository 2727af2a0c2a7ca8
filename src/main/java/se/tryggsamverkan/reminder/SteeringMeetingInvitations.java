package se.tryggsamverkan.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.agreement.Party;

/**
 * Invites the steering group (both members, with both coordinators as rapporteurs) to the meeting where it decides
 * the plan: a mail with an iCalendar file giving date, time, place and the chair of that half-year. The next
 * reminder sweep delivers it.
 */
@Service
public class SteeringMeetingInvitations {

  static final int MEETING_HOURS = 2;

  private final AgreementRepository agreements;
  private final Recipients recipients;
  private final Outbox outbox;
  private final String from;

  SteeringMeetingInvitations(AgreementRepository agreements, Recipients recipients, Outbox outbox,
      @Value("${trygg.mail.from}") String from) {
    this.agreements = agreements;
    this.recipients = recipients;
    this.outbox = outbox;
    this.from = from;
  }

  /** Records one invitation per person; returns how many. */
  @Transactional
  public int invite(String agreementId, int cycleYear, String taskId, LocalDate date, LocalTime time, String place,
      ZoneId zone, ZonedDateTime now) {
    Agreement agreement = agreements.findById(agreementId)
        .orElseThrow(() -> new IllegalStateException("No agreement " + agreementId));
    Party chair = agreement.chairRotation().chairOn(date);
    String title = "Styrgruppens möte – " + agreement.municipality();
    String matter = "Beslut om åtgärdsplan och förslag till medborgarlöften för " + cycleYear + ".";
    MeetingInvitation meeting = new MeetingInvitation(agreementId + "-" + cycleYear + "-styrgrupp-" + date + "@"
        + "trygg-samverkan", title, date.atTime(time), date.atTime(time).plusHours(MEETING_HOURS), zone, place,
        "Ordförande: " + chair.swedishName() + ". " + matter, from);
    String ics = meeting.ics(now);
    TaskFacts facts = new TaskFacts(taskId, title, agreement.tenantId(), agreement.municipality(),
        date.atTime(time).atZone(zone), null, List.of(), agreementId);
    int invited = 0;
    for (Recipient to : recipients.users(List.of(agreement.municipalSteeringMember(),
        agreement.policeSteeringMember(), agreement.municipalCoordinator(), agreement.policeCoordinator()))) {
      MailContent.Rendered content = MailContent.invitation("Styrgruppens möte", agreement.municipality(), to, date,
          time, place,
          chair.swedishName(), matter);
      if (outbox.record(facts, MailKind.steeringMeetingInvitation(), to, content, ics).isPresent()
          || !to.hasAddress()) {
        invited++;
      }
    }
    return invited;
  }
}
