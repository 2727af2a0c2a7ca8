package se.tryggsamverkan.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.documents.Documents;

/**
 * The Swedish subject and bodies (plain text and HTML) of each mail the product sends. The wording and layout are
 * the templates in {@code templates/mail} and the lines {@code mail.*} of {@code templates/texter.properties}; this
 * class only decides which template and hands it the facts.
 */
@Component
public class MailContent {

  public record Rendered(String subject, String text, String html) {
  }

  /** What a summons says about the meeting: new, changed (a higher SEQUENCE) or cancelled. */
  public enum Summons { NEW, CHANGED, CANCELLED }

  private final Documents documents;

  public MailContent(Documents documents) {
    this.documents = documents;
  }

  /** A reminder before a task's due date, or an escalation after it. */
  public Rendered reminder(MailKind kind, TaskFacts task, Recipient to, ZonedDateTime now, String taskLink) {
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
    return render("mail/paminnelse", subject, to, Map.of("intro", intro, "municipality", municipality,
        "task", task.name(), "due", dueDay, "when", when, "link", taskLink));
  }

  /** A summons to a meeting, its change or its cancellation; the calendar file travels as an attachment. */
  public Rendered summons(Summons what, String meeting, String municipality, Recipient to, LocalDate date,
      LocalTime time, String place, String chair, String matter) {
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
    return render("mail/kallelse", subject, to, Map.of("intro", intro, "municipality", municipality,
        "date", date.toString(), "time", time.toString(), "place", place, "chair", chair, "matter", matter));
  }

  /** An activity turned "Försenad": to its owner and both coordinators. */
  public Rendered activityDelayed(String municipality, String activity, LocalDate end, String responsible,
      Recipient to, String tasklistLink) {
    String subject = documents.message("mail.amne.forsenad-aktivitet", municipality, activity);
    return render("mail/forsenad-aktivitet", subject, to, Map.of("municipality", municipality,
        "activity", activity, "end", end.toString(), "responsible", responsible, "link", tasklistLink));
  }

  private Rendered render(String template, String subject, Recipient to, Map<String, Object> facts) {
    Map<String, Object> model = new HashMap<>(facts);
    model.put("to", to.name());
    model.put("subject", oneLine(subject));
    return new Rendered(oneLine(subject), documents.render(template + ".txt", model),
        documents.render(template, model));
  }

  /** A header must stay one line: a name with a line break must not add headers. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ").trim();
  }
}
