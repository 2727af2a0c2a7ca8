package se.tryggsamverkan.reminder;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One sweep: decides which reminders and escalations are due now and records each mail once. */
@Service
@EnableConfigurationProperties(ReminderSettings.class)
public class ReminderPlanning {

  private final ReminderRules rules;
  private final Recipients recipients;
  private final Outbox outbox;
  private final ReminderSettings settings;
  private final MailContent content;

  ReminderPlanning(ReminderSettings settings, Recipients recipients, Outbox outbox, MailContent content) {
    this.content = content;
    this.rules = new ReminderRules(settings);
    this.settings = settings;
    this.recipients = recipients;
    this.outbox = outbox;
  }

  /** Tasks due before this are the only ones that can call for a mail now. */
  public ZonedDateTime horizon(ZonedDateTime now) {
    return now.plusDays(settings.longestOffset() + 1L);
  }

  /**
   * Records the mails the tasks call for now and returns the ids of those to send. People are looked up once per
   * group, user and agreement in a sweep, and the mails recorded together ({@link Outbox#recordAll}).
   */
  @Transactional
  public List<Long> plan(List<TaskFacts> tasks, ZonedDateTime now, Function<String, String> taskLink) {
    Recipients people = new OneSweepRecipients(recipients);
    List<Outbox.Planned> mails = new ArrayList<>();
    for (TaskFacts task : tasks) {
      Optional<MailKind> kind = rules.kindFor(task.due(), now);
      if (kind.isEmpty()) {
        continue;
      }
      List<Recipient> to = kind.get().escalation() ? people.forEscalation(task) : people.forReminder(task);
      mails.addAll(Outbox.Planned.toEach(task, kind.get(), to,
          () -> content.reminder(kind.get(), task, now, taskLink.apply(task.taskId())), null));
    }
    List<Long> toSend = new ArrayList<>(outbox.recordAll(mails));
    toSend.addAll(outbox.unsentStandAlone());
    return toSend;
  }
}
