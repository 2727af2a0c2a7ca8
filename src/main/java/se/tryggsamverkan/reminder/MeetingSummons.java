package se.tryggsamverkan.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;

/**
 * Summonses to the collaboration's meetings: a mail with an iCalendar file giving date, time, place and the chair
 * of that half-year (the council's chair follows the steering group's). Recorded in the outbox once per person
 * and meeting; the next reminder sweep delivers them.
 */
@Service
public class MeetingSummons {

  static final String STEERING_MEETING = "Styrgruppens möte";
  static final String COUNCIL_MEETING = "Lokala brottsförebyggande rådets möte";
  static final int COUNCIL_DAYS_AHEAD = 14;
  static final int MEETING_HOURS = 2;

  private final AgreementRepository agreements;
  private final Recipients recipients;
  private final Outbox outbox;
  private final String from;

  MeetingSummons(AgreementRepository agreements, Recipients recipients, Outbox outbox,
      @Value("${trygg.mail.from}") String from) {
    this.agreements = agreements;
    this.recipients = recipients;
    this.outbox = outbox;
    this.from = from;
  }

  /** A steering-group meeting the coordinators set in a task (the decision, the half-year follow-up). */
  @Transactional
  public void steeringMeeting(String agreementId, String taskId, LocalDate date, LocalTime time, String place,
      String matter, ZoneId zone, ZonedDateTime now) {
    Agreement agreement = agreements.findById(agreementId)
        .orElseThrow(() -> new IllegalStateException("No agreement " + agreementId));
    summon(agreement, taskId, MailKind.steeringMeetingInvitation(), STEERING_MEETING, date, time, place, matter,
        zone, now,
        List.of(agreement.municipalSteeringMember(), agreement.policeSteeringMember(),
            agreement.municipalCoordinator(), agreement.policeCoordinator()));
  }

  /** The next monthly council meeting of every agreement that names one, when it is at most two weeks away. */
  @Transactional
  public void councilMeetings(ZonedDateTime now) {
    for (Agreement agreement : agreements.withCouncilMeetings()) {
      var council = agreement.council();
      council.nextMeeting(now.toLocalDate(), agreement.periodStart(), agreement.periodEnd())
          .filter(date -> !date.isAfter(now.toLocalDate().plusDays(COUNCIL_DAYS_AHEAD)))
          .ifPresent(date -> summon(agreement, agreement.id(), MailKind.councilMeetingInvitation(), COUNCIL_MEETING,
              date, council.time(), council.place(), "Lägesbild, pågående aktiviteter och uppdrag från styrgruppen.",
              now.getZone(), now, List.of(agreement.policeCoordinator(), agreement.municipalCoordinator())));
    }
  }

  private void summon(Agreement agreement, String key, MailKind kind, String meetingName, LocalDate date,
      LocalTime time, String place, String matter, ZoneId zone, ZonedDateTime now, List<String> people) {
    String chair = agreement.chairRotation().chairOn(date).swedishName();
    String ics = new MeetingInvitation(agreement.id() + "-" + kind.code() + "-" + date + "@trygg-samverkan",
        meetingName + " – " + agreement.municipality(), date.atTime(time), date.atTime(time).plusHours(MEETING_HOURS),
        zone, place, "Ordförande: " + chair + ". " + matter, from).ics(now);
    TaskFacts facts = new TaskFacts(key, meetingName, agreement.tenantId(), agreement.municipality(),
        date.atTime(time).atZone(zone), null, List.of(), agreement.id());
    for (Recipient to : recipients.users(people)) {
      try {
        outbox.record(facts, kind, to, MailContent.invitation(meetingName, agreement.municipality(), to, date, time,
            place, chair, matter), ics);
      } catch (DuplicateKeyException anotherSweepWasFirst) {
        // already summoned
      }
    }
  }
}
