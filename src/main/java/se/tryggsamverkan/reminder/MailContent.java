package se.tryggsamverkan.reminder;

import java.time.temporal.ChronoUnit;
import java.time.ZonedDateTime;

/** The Swedish subject and bodies (plain text and HTML) of a reminder or escalation. */
public final class MailContent {

  public record Rendered(String subject, String text, String html) {
  }

  private MailContent() {
  }

  public static Rendered render(MailKind kind, TaskFacts task, Recipient to, ZonedDateTime now, String taskLink) {
    String municipality = task.municipality() == null ? task.tenantId() : task.municipality();
    String dueDay = task.due().toLocalDate().toString();
    String when;
    if (kind.escalation()) {
      long late = Math.max(1, ChronoUnit.DAYS.between(task.due().toLocalDate(), now.toLocalDate()));
      when = late + (late == 1 ? " dag" : " dagar") + " sen (skulle vara klar " + dueDay + ")";
    } else {
      when = kind.number() == 0 ? "ska vara klar i dag (" + dueDay + ")"
          : kind.number() + (kind.number() == 1 ? " dag" : " dagar") + " kvar (senast " + dueDay + ")";
    }
    String subject = oneLine((kind.escalation() ? "[trygg-samverkan] Försenad: " : "[trygg-samverkan] ")
        + municipality + ": " + task.name() + " – " + when);
    String intro = kind.escalation()
        ? "Uppgiften nedan är försenad. Du får det här meddelandet som samordnare eller som styrgruppens "
            + "ordförande detta halvår."
        : task.assignee() == null
            ? "Uppgiften nedan väntar på någon i din roll. Ta den i Tasklist om du ska göra den."
            : "Det här är en påminnelse om din uppgift.";
    String text = "Hej " + to.name() + "!\n\n" + intro + "\n\n"
        + "Kommun: " + municipality + "\n"
        + "Uppgift: " + task.name() + "\n"
        + "Förfallodag: " + dueDay + "\n"
        + "Läge: " + when + "\n\n"
        + "Öppna uppgiften: " + taskLink + "\n\n"
        + "Hälsningar\ntrygg-samverkan\n";
    String html = "<!DOCTYPE html><html lang=\"sv\"><body style=\"font-family:sans-serif\">"
        + "<p>Hej " + esc(to.name()) + "!</p>"
        + "<p>" + esc(intro) + "</p>"
        + "<table>"
        + row("Kommun", municipality) + row("Uppgift", task.name()) + row("Förfallodag", dueDay)
        + row("Läge", when)
        + "</table>"
        + "<p><a href=\"" + esc(taskLink) + "\">Öppna uppgiften i Tasklist</a></p>"
        + "<p>Hälsningar<br>trygg-samverkan</p></body></html>";
    return new Rendered(subject, text, html);
  }

  /** A summons to a meeting ("Styrgruppens möte"); the calendar file travels as an attachment. */
  public static Rendered invitation(String meeting, String municipality, Recipient to, java.time.LocalDate date,
      java.time.LocalTime time, String place, String chair, String matter) {
    String subject = oneLine("[trygg-samverkan] Kallelse: " + meeting + " " + date + " kl. " + time + " – "
        + municipality);
    String welcome = "Välkommen till " + Character.toLowerCase(meeting.charAt(0)) + meeting.substring(1) + ".";
    String text = "Hej " + to.name() + "!\n\n" + welcome + "\n\n"
        + "Kommun: " + municipality + "\n"
        + "Dag och tid: " + date + " kl. " + time + "\n"
        + "Plats: " + place + "\n"
        + "Ordförande: " + chair + "\n"
        + "Ärende: " + matter + "\n\n"
        + "Kallelsen finns som kalenderfil (kallelse.ics) i meddelandet.\n\nHälsningar\ntrygg-samverkan\n";
    String html = "<!DOCTYPE html><html lang=\"sv\"><body style=\"font-family:sans-serif\">"
        + "<p>Hej " + esc(to.name()) + "!</p><p>" + esc(welcome) + "</p><table>"
        + row("Kommun", municipality) + row("Dag och tid", date + " kl. " + time) + row("Plats", place)
        + row("Ordförande", chair) + row("Ärende", matter)
        + "</table><p>Kallelsen finns som kalenderfil (kallelse.ics) i meddelandet.</p>"
        + "<p>Hälsningar<br>trygg-samverkan</p></body></html>";
    return new Rendered(subject, text, html);
  }

  /** An activity turned "Försenad": to its owner and both coordinators. */
  public static Rendered activityDelayed(String municipality, String activity, java.time.LocalDate end,
      String responsible, Recipient to, String tasklistLink) {
    String subject = oneLine("[trygg-samverkan] Försenad aktivitet: " + municipality + ": " + activity);
    String intro = "Aktiviteten nedan skulle vara klar " + end + " men har inte rapporterats som avslutad. Den "
        + "visas nu som Försenad. Rapportera läget i nästa uppföljning, eller be samordnarna ändra planen.";
    String text = "Hej " + to.name() + "!\n\n" + intro + "\n\n"
        + "Kommun: " + municipality + "\n"
        + "Aktivitet: " + activity + "\n"
        + "Slutdatum: " + end + "\n"
        + "Ansvarig: " + responsible + "\n\n"
        + "Tasklist: " + tasklistLink + "\n\n"
        + "Hälsningar\ntrygg-samverkan\n";
    String html = "<!DOCTYPE html><html lang=\"sv\"><body style=\"font-family:sans-serif\">"
        + "<p>Hej " + esc(to.name()) + "!</p><p>" + esc(intro) + "</p><table>"
        + row("Kommun", municipality) + row("Aktivitet", activity) + row("Slutdatum", end.toString())
        + row("Ansvarig", responsible)
        + "</table><p><a href=\"" + esc(tasklistLink) + "\">Öppna Tasklist</a></p>"
        + "<p>Hälsningar<br>trygg-samverkan</p></body></html>";
    return new Rendered(subject, text, html);
  }

  private static String row(String label, String value) {
    return "<tr><th style=\"text-align:left;padding-right:1em\">" + esc(label) + "</th><td>" + esc(value)
        + "</td></tr>";
  }

  /** Everything users typed (task names, municipality names) is escaped before it goes into HTML. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A header must stay one line: a name with a line break must not add headers. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ").trim();
  }
}
