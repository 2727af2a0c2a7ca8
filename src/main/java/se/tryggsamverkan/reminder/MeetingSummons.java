package se.tryggsamverkan.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.reminder.MailContent.Summons;
import se.tryggsamverkan.reminder.Meetings.Meeting;

/**
 * Summonses to the collaboration's meetings: a mail with an iCalendar file giving date, time, place and the chair
 * of that half-year (the council's chair follows the steering group's). A meeting set again before it is held is
 * the same meeting moved: the same calendar UID with a higher SEQUENCE and an "Ändrad kallelse"; a meeting whose
 * cycle no longer runs is cancelled ("Inställt", METHOD:CANCEL). Recorded in the outbox once per person and
 * version of the meeting; the next reminder sweep delivers them.
 */
@Service
public class MeetingSummons {

  static final String STEERING_MEETING = "Styrgruppens möte";
  static final String COUNCIL_MEETING = "Lokala brottsförebyggande rådets möte";
  static final String COUNCIL_MATTER = "Lägesbild, pågående aktiviteter och uppdrag från styrgruppen.";
  static final int COUNCIL_DAYS_AHEAD = 14;
  static final int MEETING_HOURS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(MeetingSummons.class);

  /** Which meeting of an agreement: what it is called, its mail kind and who is summoned. */
  public enum MeetingType {
    /** The steering group's decision on the action plan and the promises. */
    STEERING_DECISION(STEERING_MEETING, MailKind.steeringMeetingInvitation(), MeetingSummons::steeringGroup),
    /** The steering group's half-year follow-up. */
    STEERING_HALF_YEAR(STEERING_MEETING, MailKind.steeringMeetingInvitation(), MeetingSummons::steeringGroup),
    /** The local crime-prevention council's monthly meeting. */
    COUNCIL(COUNCIL_MEETING, MailKind.councilMeetingInvitation(),
        agreement -> List.of(agreement.policeCoordinator(), agreement.municipalCoordinator()));

    private final String meetingName;
    private final MailKind kind;
    private final Function<Agreement, List<String>> people;

    MeetingType(String meetingName, MailKind kind, Function<Agreement, List<String>> people) {
      this.meetingName = meetingName;
      this.kind = kind;
      this.people = people;
    }

    String about(String occasion) {
      return name() + ":" + occasion;
    }

    static MeetingType of(String about) {
      return valueOf(about.substring(0, about.indexOf(':')));
    }
  }

  private final AgreementRepository agreements;
  private final Recipients recipients;
  private final Outbox outbox;
  private final Meetings meetings;
  private final MailContent content;
  private final String from;

  MeetingSummons(AgreementRepository agreements, Recipients recipients, Outbox outbox, Meetings meetings,
      MailContent content, @Value("${trygg.mail.from}") String from) {
    this.agreements = agreements;
    this.recipients = recipients;
    this.outbox = outbox;
    this.meetings = meetings;
    this.content = content;
    this.from = from;
  }

  /**
   * A steering-group meeting the coordinators set in a task of a cycle (the decision, the half-year follow-up).
   * Set again before it is held (a returned plan prepared anew), it is the same meeting, moved.
   */
  @Transactional
  public void steeringMeeting(String agreementId, String cycleProcessInstanceId, MeetingType type, int cycleYear,
      LocalDate date, LocalTime time, String place, String matter, ZoneId zone, ZonedDateTime now) {
    Agreement agreement = agreements.findById(agreementId)
        .orElseThrow(() -> new IllegalStateException("No agreement " + agreementId));
    summon(agreement, type, String.valueOf(cycleYear), cycleProcessInstanceId, date, time, place, matter, zone, now);
  }

  /** The next monthly council meeting of every agreement that names one, when it is at most two weeks away. */
  @Transactional
  public void councilMeetings(ZonedDateTime now) {
    for (Agreement agreement : agreements.withCouncilMeetings()) {
      var council = agreement.council();
      council.nextMeeting(now.toLocalDate(), agreement.periodStart(), agreement.periodEnd())
          .filter(date -> !date.isAfter(now.toLocalDate().plusDays(COUNCIL_DAYS_AHEAD)))
          .ifPresent(date -> summon(agreement, MeetingType.COUNCIL, YearMonth.from(date).toString(), null, date,
              council.time(), council.place(), COUNCIL_MATTER, now.getZone(), now));
    }
  }

  /**
   * Cancels every meeting still to come whose cycle has ended without it (deleted in Cockpit, say): the people
   * summoned get "Inställt" with a calendar file that removes it. Returns how many were cancelled.
   */
  @Transactional
  public int cancelMeetingsOfEndedCycles(ZonedDateTime now, Predicate<String> processRuns) {
    int cancelled = 0;
    for (Meeting meeting : meetings.plannedFrom(now.toLocalDate())) {
      if (meeting.processInstanceId() == null || processRuns.test(meeting.processInstanceId())) {
        continue;
      }
      Optional<Agreement> agreement = agreements.findById(meeting.agreementId());
      Optional<Meeting> withdrawn = meetings.change(meeting, meeting.date(), meeting.time(), meeting.place(),
          meeting.matter(), Meetings.Status.CANCELLED);
      if (agreement.isPresent() && withdrawn.isPresent()) {
        outbox.withdrawUnsent(meeting.uid());
        send(agreement.get(), withdrawn.get(), Summons.CANCELLED, now.getZone(), now);
        LOG.info("Meeting {} ({}) of {} on {} cancelled: its cycle {} has ended", meeting.uid(), meeting.about(),
            meeting.tenantId(), meeting.date(), meeting.processInstanceId());
        cancelled++;
      }
    }
    return cancelled;
  }

  private void summon(Agreement agreement, MeetingType type, String occasion, String processInstanceId,
      LocalDate date, LocalTime time, String place, String matter, ZoneId zone, ZonedDateTime now) {
    String about = type.about(occasion);
    Optional<Meeting> latest = meetings.latest(agreement.id(), about);
    if (latest.isPresent() && latest.get().status() == Meetings.Status.PLANNED
        && !latest.get().heldBy(now.toLocalDate())) {
      if (latest.get().sameTimeAndPlace(date, time, place)) {
        return; // summoned already
      }
      Optional<Meeting> moved = meetings.change(latest.get(), date, time, place, matter, Meetings.Status.PLANNED);
      if (moved.isPresent()) {
        outbox.withdrawUnsent(latest.get().uid());
        send(agreement, moved.get(), Summons.CHANGED, zone, now);
      }
      return;
    }
    int round = latest.map(meeting -> meeting.round() + 1).orElse(1);
    Meeting meeting;
    try {
      meeting = meetings.add(agreement.id(), agreement.tenantId(), about, round, processInstanceId, date, time,
          place, matter);
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return;
    }
    send(agreement, meeting, Summons.NEW, zone, now);
  }

  private void send(Agreement agreement, Meeting meeting, Summons what, ZoneId zone, ZonedDateTime now) {
    MeetingType type = MeetingType.of(meeting.about());
    String chair = agreement.chairRotation().chairOn(meeting.date()).swedishName();
    List<Recipient> people = recipients.users(type.people.apply(agreement));
    var start = meeting.date().atTime(meeting.time());
    String ics = new MeetingInvitation(meeting.uid(), meeting.sequence(), what == Summons.CANCELLED,
        type.meetingName + " – " + agreement.municipality(), start, start.plusHours(MEETING_HOURS), zone,
        meeting.place(), "Ordförande: " + chair + ". " + meeting.matter(), from, people).ics(now.toInstant());
    // each version of a meeting is its own mail: the key is the meeting's uid and sequence
    TaskFacts facts = new TaskFacts(meeting.uid() + "#" + meeting.sequence(), type.meetingName,
        agreement.tenantId(), agreement.municipality(), start.atZone(zone), null, List.of(), agreement.id());
    // recorded together; a person summoned already (by another node's sweep) is skipped
    outbox.recordAll(Outbox.Planned.toEach(facts, type.kind, people, () -> content.summons(what, type.meetingName,
        agreement.municipality(), meeting.date(), meeting.time(), meeting.place(), chair, meeting.matter()), ics));
  }

  private static List<String> steeringGroup(Agreement agreement) {
    return List.of(agreement.municipalSteeringMember(), agreement.policeSteeringMember(),
        agreement.municipalCoordinator(), agreement.policeCoordinator());
  }
}
