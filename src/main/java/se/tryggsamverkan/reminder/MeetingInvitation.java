package se.tryggsamverkan.reminder;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An invitation to a steering-group meeting as an iCalendar (RFC 5545) event: date, time, place, and the chair
 * of that half-year in the description.
 */
public record MeetingInvitation(String uid, String title, LocalDateTime start, LocalDateTime end, ZoneId zone,
    String place, String description, String organizer) {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  public String ics(ZonedDateTime stamp) {
    return String.join("\r\n",
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//trygg-samverkan//Styrgruppens möten//SV",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        "UID:" + text(uid),
        "DTSTAMP:" + stamp.withZoneSameInstant(ZoneId.of("UTC")).format(LOCAL) + "Z",
        "DTSTART;TZID=" + zone.getId() + ":" + start.format(LOCAL),
        "DTEND;TZID=" + zone.getId() + ":" + end.format(LOCAL),
        "SUMMARY:" + text(title),
        "LOCATION:" + text(place),
        "DESCRIPTION:" + text(description),
        "ORGANIZER;CN=trygg-samverkan:mailto:" + organizer,
        "END:VEVENT",
        "END:VCALENDAR", "");
  }

  /** RFC 5545 text: backslash, semicolon, comma and line breaks escaped, so user text cannot add properties. */
  static String text(String value) {
    return (value == null ? "" : value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }
}
