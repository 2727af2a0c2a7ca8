package se.tryggsamverkan.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's notion of now (tests move it with ClockUtil) and the installation's time zone: deadlines are
 * Swedish calendar days, not UTC instants.
 */
@Component
public class EngineClock {

  private final ZoneId zone;

  EngineClock(@Value("${trygg.time-zone:Europe/Stockholm}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate today() {
    return now().toLocalDate();
  }

  public ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone);
  }

  /** A task due on a day is due by the end of that day. */
  public Date endOfDay(LocalDate day) {
    return Date.from(LocalDateTime.of(day, LocalTime.of(23, 59)).atZone(zone).toInstant());
  }

  public Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }
}
