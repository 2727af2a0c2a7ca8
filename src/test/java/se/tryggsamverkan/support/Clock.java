package se.tryggsamverkan.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine's clock to a Swedish local time. */
public final class Clock {

  public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

  public static void setTo(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SWEDEN).toInstant()));
  }

  public static void reset() {
    ClockUtil.reset();
  }

  /** The due date a task due on this Swedish calendar day carries (end of that day). */
  public static Date endOf(String localDate) {
    return Date.from(LocalDateTime.parse(localDate + "T23:59").atZone(SWEDEN).toInstant());
  }

  /** The moment a timer set for this Swedish calendar day fires (its first minute). */
  public static Date startOf(String localDate) {
    return Date.from(LocalDateTime.parse(localDate + "T00:00").atZone(SWEDEN).toInstant());
  }

  private Clock() {
  }
}
