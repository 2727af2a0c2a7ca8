package se.tryggsamverkan.reminder;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;

/**
 * A meeting as an iCalendar (RFC 5545, scheduling per RFC 5546) file, written by ical4j: a {@code REQUEST} with the
 * meeting's stable {@code UID} and a {@code SEQUENCE} that grows with each change of time or place, or a
 * {@code CANCEL} of it. Times are local to the zone given (Europe/Stockholm), whose {@code VTIMEZONE} travels in the
 * file so that a strict client needs nothing else.
 *
 * <p>Folding is the one thing not left to ical4j: its FoldingWriter counts a line's length in characters (a
 * Swedish letter is two octets, a dash three), and writes an empty continuation line when a line ends exactly at the
 * limit (ical4j issues 800 and 832), while RFC 5545 §3.1 limits lines to 75 octets. ical4j's lines are unfolded
 * and {@link #folded(String)} folds each again at 75 octets, between whole characters.
 */
public record MeetingInvitation(String uid, int sequence, boolean cancelled, String title, LocalDateTime start,
    LocalDateTime end, ZoneId zone, String place, String description, String organizer, List<Recipient> attendees) {

  /** RFC 5545 §3.1: a content line is at most 75 octets, not counting its CRLF. */
  static final int MAX_OCTETS = 75;
  private static final String CRLF = "\r\n";
  static final String PRODUCT_ID = "-//trygg-samverkan//Möten//SV";
  /** ical4j's time-zone definitions, bundled in its jar (never fetched from the network: see ical4j.properties). */
  private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
  /**
   * {@link #currentRulesOf(ZoneId)} per zone, read once: the definitions in the jar do not change while it runs, and
   * a written calendar only reads the component it is given.
   */
  private static final Map<ZoneId, VTimeZone> RULES_IN_FORCE = new ConcurrentHashMap<>();

  /** The iCalendar text, stamped with the moment it was written. */
  public String ics(Instant stamp) {
    VTimeZone timeZone = RULES_IN_FORCE.computeIfAbsent(zone, MeetingInvitation::currentRulesOf);
    VEvent event = new VEvent(false);
    event.add(new Uid(uid));
    event.add(new DtStamp(stamp));
    event.add(new Sequence(sequence));
    event.add(new DtStart<>(start.atZone(zone)));
    event.add(new DtEnd<>(end.atZone(zone)));
    event.add(new Summary(title));
    event.add(new Location(place));
    event.add(new Description(description));
    event.add(new Organizer(new ParameterList(List.of(new Cn("trygg-samverkan"))), URI.create("mailto:" + organizer)));
    for (Recipient to : attendees) {
      if (to.hasAddress()) {
        event.add(new Attendee(new ParameterList(List.<Parameter>of(new Cn(to.name()), Role.REQ_PARTICIPANT,
            PartStat.NEEDS_ACTION, new Rsvp(false))), URI.create("mailto:" + to.email())));
      }
    }
    if (cancelled) {
      event.add(new Status(Status.VALUE_CANCELLED));
    }
    Calendar calendar = new Calendar().withProdId(PRODUCT_ID).withDefaults()
        .withProperty(new Method(cancelled ? Method.VALUE_CANCEL : Method.VALUE_REQUEST))
        .withComponent(timeZone).withComponent(event).getFluentTarget();
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(true).output(calendar, out);
    } catch (IOException e) {
      throw new IllegalStateException("Could not write the calendar file of meeting " + uid, e);
    }
    // ical4j folds at 75 characters at most; unfolded again (RFC 5545 §3.1), the lines are folded by octets
    return folded(out.toString().replace(CRLF + " ", ""));
  }

  /**
   * Folds every content line longer than 75 UTF-8 octets: a CRLF and a space before the character that would pass
   * the limit, never inside a character (a surrogate pair stays whole), and never leaving an empty continuation.
   */
  static String folded(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50 * 3);
    for (String line : unfolded.split(CRLF)) {
      int octets = 0;
      for (int i = 0; i < line.length(); ) {
        int codePoint = line.codePointAt(i);
        int size = utf8Octets(codePoint);
        if (octets + size > MAX_OCTETS) {
          out.append(CRLF).append(' ');
          octets = 1;
        }
        out.appendCodePoint(codePoint);
        octets += size;
        i += Character.charCount(codePoint);
      }
      out.append(CRLF);
    }
    return out.toString();
  }

  private static int utf8Octets(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }

  /** The iTIP method of an iCalendar text written here ({@code REQUEST} or {@code CANCEL}), for the mail's type. */
  public static String methodOf(String ics) {
    return ics != null && ics.contains("\r\nMETHOD:CANCEL\r\n") ? Method.VALUE_CANCEL : Method.VALUE_REQUEST;
  }

  /**
   * The zone's {@code VTIMEZONE} named by its own id, with the rules in force (those without an end). ical4j's
   * definitions follow the tz database, where Europe/Stockholm has been a link to Europe/Berlin since 2025; a
   * calendar that names one zone in {@code DTSTART} must define that same name.
   */
  static VTimeZone currentRulesOf(ZoneId zone) {
    TimeZone known = ZONES.getTimeZone(zone.getId());
    if (known == null) {
      throw new IllegalArgumentException("ical4j has no time-zone definition for " + zone.getId());
    }
    List<Observance> inForce = known.getVTimeZone().getObservances().stream()
        .filter(observance -> observance.<RRule<?>>getProperty(Property.RRULE)
            .map(rule -> rule.getRecur().getUntil() == null).orElse(false))
        .toList();
    return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(inForce));
  }
}
