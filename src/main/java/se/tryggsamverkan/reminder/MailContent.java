package se.tryggsamverkan.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.documents.Documents;

/**
 * The Swedish subject and bodies (plain text and HTML) of each mail the product sends. The wording and layout are
 * the templates in {@code templates/mail} and the lines {@code mail.*} of {@code templates/texter.properties}; this
 * class only decides which template and hands it the facts.
 *
 * <p>A mail is rendered in two steps: its content once as a {@link Letter} (the same for every recipient: a group's
 * reminder goes to each member), then the frame {@code mail/ram} per recipient, which adds the greeting and the
 * signature around the content already rendered and escaped.
 */
@Component
public class MailContent {

  public record Rendered(String subject, String text, String html) {
  }

  /** A mail's subject and content, rendered once; {@link #to} gives one recipient's copy. */
  public final class Letter {

    private final String subject;
    private final String text;
    private final String html;

    private Letter(String subject, String text, String html) {
      this.subject = subject;
      this.text = text;
      this.html = html;
    }

    /** The mail as this recipient gets it: greeted by name, the content as rendered once. */
    public Rendered to(Recipient to) {
      return new Rendered(subject, documents.render("mail/ram.txt", Map.of("to", to.name(), "content", text)),
          documents.render("mail/ram", Map.of("to", to.name(), "subject", subject, "content", html)));
    }
  }

  /** What a summons says about the meeting: new, changed (a higher SEQUENCE) or cancelled. */
  public enum Summons { NEW, CHANGED, CANCELLED }

  private final Documents documents;

  public MailContent(Documents documents) {
    this.documents = documents;
  }

  /** A reminder before a task's due date, or an escalation after it. */
  public Letter reminder(MailKind kind, TaskFacts task, ZonedDateTime now, String taskLink) {
    String municipality = task.municipality() == null ? task.tenantId() : task.municipality();
    String dueDay = task.due().toLocalDate().toString();
    String when;
    String intro;
    if (kind.escalation()) {
      long late = Math.max(1, ChronoUnit.DAYS.between(task.due().toLocalDate(), now.toLocalDate()));
      when = documents.message("mail.lage.sen", late, dueDay);
      intro = documents.message("mail.ingress.forsenad");
    } else {
      when = documents.message(kind.number() == 0 ? "mail.lage.i-dag" : "mail.lage.kvar", kind.number(), dueDay);
      intro = documents.message(task.assignee() == null ? "mail.ingress.paminnelse-grupp"
          : "mail.ingress.paminnelse");
    }
    String subject = documents.message(kind.escalation() ? "mail.amne.forsenad" : "mail.amne.paminnelse",
        municipality, task.name(), when);
    return render("mail/paminnelse", subject, Map.of("intro", intro, "municipality", municipality,
        "task", task.name(), "due", dueDay, "when", when, "link", taskLink));
  }

  /** A summons to a meeting, its change or its cancellation; the calendar file travels as an attachment. */
  public Letter summons(Summons what, String meeting, String municipality, LocalDate date, LocalTime time,
      String place, String chair, String matter) {
    String subjectKey = switch (what) {
      case NEW -> "mail.amne.kallelse";
      case CHANGED -> "mail.amne.andrad-kallelse";
      case CANCELLED -> "mail.amne.installt";
    };
    String intro = switch (what) {
      case NEW -> documents.message("mail.ingress.kallelse",
          Character.toLowerCase(meeting.charAt(0)) + meeting.substring(1));
      case CHANGED -> documents.message("mail.ingress.andrad-kallelse");
      case CANCELLED -> documents.message("mail.ingress.installt");
    };
    String subject = documents.message(subjectKey, meeting, date.toString(), time.toString(), municipality);
    return render("mail/kallelse", subject, Map.of("intro", intro, "municipality", municipality,
        "date", date.toString(), "time", time.toString(), "place", place, "chair", chair, "matter", matter));
  }

  /** An activity turned "Försenad": to its owner and both coordinators. */
  public Letter activityDelayed(String municipality, String activity, LocalDate end, String responsible,
      String tasklistLink) {
    String subject = documents.message("mail.amne.forsenad-aktivitet", municipality, activity);
    return render("mail/forsenad-aktivitet", subject, Map.of("municipality", municipality,
        "activity", activity, "end", end.toString(), "responsible", responsible, "link", tasklistLink));
  }

  private Letter render(String template, String subject, Map<String, Object> facts) {
    // the HTML content without the line its template's comment leaves, as it sits in the frame
    return new Letter(oneLine(subject), documents.render(template + ".txt", facts),
        documents.render(template, facts).strip());
  }

  /** A header must stay one line: a name with a line break must not add headers. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ").trim();
  }
}
