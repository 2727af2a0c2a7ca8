package se.tryggsamverkan.reminder;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When reminders and escalations go out ({@code trygg.reminders.*}): days before the due date (default 7, 1 and
 * on the day), the local time of day they are sent from, and how often an overdue task is escalated again.
 */
@ConfigurationProperties("trygg.reminders")
public record ReminderSettings(
    @DefaultValue({"7", "1", "0"}) List<Integer> offsetsDays,
    @DefaultValue("07:00") LocalTime sendFrom,
    @DefaultValue("7") int escalationRepeatDays) {

  public ReminderSettings {
    if (offsetsDays.isEmpty() || offsetsDays.stream().anyMatch(d -> d < 0 || d > 60)) {
      throw new IllegalArgumentException("trygg.reminders.offsets-days must be 0..60 days, not " + offsetsDays);
    }
    if (escalationRepeatDays < 1) {
      throw new IllegalArgumentException("trygg.reminders.escalation-repeat-days must be at least 1");
    }
    offsetsDays = offsetsDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
  }

  public int longestOffset() {
    return offsetsDays.get(0);
  }
}
