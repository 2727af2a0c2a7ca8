package se.tryggsamverkan.reminder;

import java.time.temporal.ChronoUnit;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Which mail a task with a due date calls for now. Days are calendar days in the installation's time zone. Each reminder has a window from its day (the due date minus its
 * offset, at the configured time) to the next reminder's day, so a task created three days before it is due gets
 * the one-day reminder, not a late seven-day one. Once the task is overdue it is escalated, again every
 * {@code escalationRepeatDays} days while it stays overdue.
 */
public final class ReminderRules {

  private final ReminderSettings settings;

  public ReminderRules(ReminderSettings settings) {
    this.settings = settings;
  }

  public Optional<MailKind> kindFor(ZonedDateTime due, ZonedDateTime now) {
    if (now.isAfter(due)) {
      long daysLate = Math.max(1, ChronoUnit.DAYS.between(due.toLocalDate(), now.toLocalDate()));
      return Optional.of(MailKind.escalation((int) ((daysLate - 1) / settings.escalationRepeatDays()) + 1));
    }
    List<Integer> offsets = settings.offsetsDays();
    for (int i = offsets.size() - 1; i >= 0; i--) {
      int offset = offsets.get(i);
      ZonedDateTime from = due.toLocalDate().minusDays(offset).atTime(settings.sendFrom()).atZone(due.getZone());
      if (!now.isBefore(from)) {
        return Optional.of(MailKind.reminder(offset));
      }
    }
    return Optional.empty();
  }
}
