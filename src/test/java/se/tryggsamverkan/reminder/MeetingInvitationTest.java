package se.tryggsamverkan.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/**
 * The calendar files as a strict client reads them: ical4j's own parser (not relaxed) and validator, RFC 5545's
 * 75-octet lines with Swedish text, the time zone named in DTSTART defined in the file, and the same UID with a
 * growing SEQUENCE through a move and a cancellation.
 */
class MeetingInvitationTest {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final Instant WRITTEN = Instant.parse("2027-05-02T08:00:00Z");
  private static final List<Recipient> PEOPLE = List.of(
      new Recipient("anna.svensson", "Anna Svensson", "anna@kungalv.example"),
      new Recipient("per.polis", "Per Polis", "per@polisen.example"),
      new Recipient("utan.adress", "Utan Adress", null));

  private static MeetingInvitation meeting(int sequence, boolean cancelled, String place, String description) {
    LocalDateTime start = LocalDateTime.of(2027, 6, 10, 13, 0);
    return new MeetingInvitation("5f0c6a9e-1b2d-4c3e-9f00-aa11bb22cc33@trygg-samverkan", sequence, cancelled,
        "Styrgruppens möte – Kungälv", start, start.plusHours(2), STOCKHOLM, place, description,
        "noreply@trygg.example.org", PEOPLE);
  }

  private static Calendar parsedStrictly(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    return calendar;
  }

  private static VEvent event(Calendar calendar) {
    return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  @Test
  void aLongSwedishDescriptionIsFoldedWithinSeventyFiveOctetsAndReadBackWhole() throws Exception {
    String description = ("Ordförande: Kommunen. Halvårsuppföljning av åtgärder för ökad trygghet i Ytterby – "
        + "särskilt skolvägar, pendelparkeringar och äldreboenden; genomgång av löftena, ").repeat(4)
        .substring(0, 495) + " 🚓 slut.";
    assertThat(description.length()).isGreaterThanOrEqualTo(500);
    String ics = meeting(0, false, "Stadshuset, sal Fontin; plan 2", description).ics(WRITTEN);

    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
      assertThat(line.isBlank()).as("no empty continuation line").isFalse();
    }
    assertThat(ics.lines().filter(line -> line.startsWith(" ")).count()).as("the description is folded")
        .isGreaterThanOrEqualTo(7);
    // every line but the last of a folded property is filled: a continuation comes only where the next character
    // would pass 75 octets
    String[] lines = ics.split("\r\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i + 1].startsWith(" ")) {
        int next = lines[i + 1].codePointAt(1);
        assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length
            + new String(Character.toChars(next)).getBytes(StandardCharsets.UTF_8).length).as(lines[i])
            .isGreaterThan(75);
      }
    }
    assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
    VEvent event = event(parsedStrictly(ics));
    assertThat(value(event, "DESCRIPTION")).isEqualTo(description);
    assertThat(value(event, "LOCATION")).isEqualTo("Stadshuset, sal Fontin; plan 2");
    assertThat(value(event, "SUMMARY")).isEqualTo("Styrgruppens möte – Kungälv");
  }

  @Test
  void foldingFillsLinesToSeventyFiveOctetsWithoutSplittingACharacterOrLeavingAnEmptyLine() {
    String ascii = "DESCRIPTION:" + "a".repeat(63);
    assertThat(MeetingInvitation.folded(ascii + "\r\n")).as("exactly 75 octets: not folded").isEqualTo(ascii + "\r\n");
    assertThat(MeetingInvitation.folded(ascii + "b\r\n")).isEqualTo(ascii + "\r\n b\r\n");
    // 'ö' is two octets: at octet 74 it does not fit, and moves whole to the next line
    String swedish = "DESCRIPTION:" + "a".repeat(62) + "öx";
    assertThat(MeetingInvitation.folded(swedish + "\r\n"))
        .isEqualTo("DESCRIPTION:" + "a".repeat(62) + "\r\n öx\r\n");
    // a surrogate pair (four octets) is never split
    String emoji = "SUMMARY:" + "🚓".repeat(40);
    for (String line : MeetingInvitation.folded(emoji + "\r\n").split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
      assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(line);
      assertThat(line.isBlank()).isFalse();
    }
    assertThat(MeetingInvitation.folded(emoji + "\r\n").replace("\r\n ", "")).isEqualTo(emoji + "\r\n");
  }

  @Test
  void theZoneOfTheMeetingIsDefinedInTheFileUnderTheSameName() throws Exception {
    String ics = meeting(0, false, "Stadshuset", "Ordförande: Polisen.").ics(WRITTEN);
    Calendar calendar = parsedStrictly(ics);

    VTimeZone zone = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
    assertThat(zone.getProperty(Property.TZID).map(Property::getValue)).contains("Europe/Stockholm");
    assertThat(zone.getObservances()).extracting(o -> o.getName()).containsExactlyInAnyOrder("STANDARD", "DAYLIGHT");
    assertThat(ics.replace("\r\n ", "")).contains("DTSTART;TZID=Europe/Stockholm:20270610T130000",
        "DTEND;TZID=Europe/Stockholm:20270610T150000", "DTSTAMP:20270502T080000Z");
    // read through the VTIMEZONE of the file (ical4j makes a zone of its own from it): summer time, 11:00 UTC
    assertThat(Instant.from(event(calendar).getDateTimeStart().getDate()))
        .isEqualTo(Instant.parse("2027-06-10T11:00:00Z"));
  }

  /** The zone's definition is read once and shared: writing many calendars at once changes none of them. */
  @Test
  void calendarsWrittenAtTheSameTimeEachCarryTheSameWholeZone() {
    String alone = zoneOf(meeting(0, false, "Stadshuset", "Ordförande: Polisen.").ics(WRITTEN));
    List<String> together = java.util.stream.IntStream.range(0, 64).parallel()
        .mapToObj(i -> meeting(i, i % 2 == 1, "Rum " + i, "Möte " + i).ics(WRITTEN)).toList();

    assertThat(together).allSatisfy(ics -> {
      assertThat(ics.split("BEGIN:VTIMEZONE", -1)).hasSize(2);
      assertThat(zoneOf(ics)).isEqualTo(alone);
    });
  }

  private static String zoneOf(String ics) {
    return ics.substring(ics.indexOf("BEGIN:VTIMEZONE"), ics.indexOf("END:VTIMEZONE"));
  }

  @Test
  void aRequestNamesOrganizerAndEveryAttendeeWithAnAddress() throws Exception {
    String ics = meeting(0, false, "Stadshuset", "Ordförande: Polisen.").ics(WRITTEN);
    Calendar calendar = parsedStrictly(ics);

    assertThat(calendar.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
    assertThat(MeetingInvitation.methodOf(ics)).isEqualTo("REQUEST");
    VEvent event = event(calendar);
    assertThat(value(event, "UID")).isEqualTo("5f0c6a9e-1b2d-4c3e-9f00-aa11bb22cc33@trygg-samverkan");
    assertThat(value(event, "SEQUENCE")).isEqualTo("0");
    assertThat(value(event, "ORGANIZER")).isEqualTo("mailto:noreply@trygg.example.org");
    assertThat(event.<Property>getProperties("ATTENDEE").stream().map(Property::getValue))
        .containsExactly("mailto:anna@kungalv.example", "mailto:per@polisen.example");
  }

  @Test
  void aMovedMeetingKeepsItsUidWithAHigherSequenceAndACancelledOneIsACancel() throws Exception {
    VEvent first = event(parsedStrictly(meeting(0, false, "Stadshuset", "x").ics(WRITTEN)));
    VEvent moved = event(parsedStrictly(meeting(1, false, "Polisstationen", "x").ics(WRITTEN.plusSeconds(60))));
    String cancelIcs = meeting(2, true, "Polisstationen", "x").ics(WRITTEN.plusSeconds(120));
    Calendar cancel = parsedStrictly(cancelIcs);

    assertThat(value(moved, "UID")).isEqualTo(value(first, "UID"));
    assertThat(Integer.parseInt(value(moved, "SEQUENCE"))).isGreaterThan(Integer.parseInt(value(first, "SEQUENCE")));
    assertThat(cancel.getProperty(Property.METHOD).map(Property::getValue)).contains("CANCEL");
    assertThat(MeetingInvitation.methodOf(cancelIcs)).isEqualTo("CANCEL");
    assertThat(value(event(cancel), "STATUS")).isEqualTo("CANCELLED");
    assertThat(value(event(cancel), "UID")).isEqualTo(value(first, "UID"));
    assertThat(value(event(cancel), "SEQUENCE")).isEqualTo("2");
  }

  @Test
  void textThatLooksLikePropertiesStaysText() throws Exception {
    String hostile = "Plats\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil;X=1,2\\";
    String ics = meeting(0, false, hostile, hostile).ics(WRITTEN);
    Calendar calendar = parsedStrictly(ics);

    assertThat(calendar.getComponents("VEVENT")).hasSize(1);
    assertThat(value(event(calendar), "LOCATION")).isEqualTo(hostile.replace("\r\n", "\n"));
    assertThat(Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith("UID"))).hasSize(1);
  }
}
