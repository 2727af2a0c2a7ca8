package se.tryggsamverkan.agreement;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation's yearly calendar ({@code trygg.calendar.*}): the grace period for tasks created after
 * their date, and deadlines that differ from the product defaults, e.g.
 * {@code trygg.calendar.deadlines.ACTION_PLAN=10-15}.
 */
@ConfigurationProperties("trygg.calendar")
public record CalendarSettings(@DefaultValue("14") int lateStartGraceDays, Map<Phase, String> deadlines) {

  public CalendarSettings {
    if (lateStartGraceDays < 1 || lateStartGraceDays > 90) {
      throw new IllegalArgumentException("trygg.calendar.late-start-grace-days must be 1..90, not " + lateStartGraceDays);
    }
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
  }

  public YearlyCalendar installationCalendar() {
    Map<Phase, Deadline> parsed = new EnumMap<>(Phase.class);
    deadlines.forEach((phase, text) -> parsed.put(phase, Deadline.parse(text)));
    return YearlyCalendar.defaults(lateStartGraceDays).with(parsed);
  }
}
