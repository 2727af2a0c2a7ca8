package se.tryggsamverkan.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one notion of now for the engine and the application (tests move it with ClockUtil), and the installation's
 * time zone: deadlines are Swedish calendar days, not UTC instants.
 *
 * <p>The demo can be run as if today were another day ({@code trygg.demo.today}): the clock then starts at that
 * local date-time and keeps ticking. Only the demo honours it; a production installation always runs on real time.
 */
@Component
public class EngineClock {

  private static final Logger LOG = LoggerFactory.getLogger(EngineClock.class);

  private final ZoneId zone;
  /** How far the demo's day lies from the real one; zero unless the demo runs on another day. */
  private final Duration demoOffset;

  EngineClock(@Value("${trygg.time-zone:Europe/Stockholm}") String zone,
      @Value("${trygg.demo.enabled:false}") boolean demo, @Value("${trygg.demo.today:}") String demoToday) {
    this.zone = ZoneId.of(zone);
    this.demoOffset = demo && !demoToday.isBlank()
        ? Duration.between(Instant.now(), DemoDay.parse(demoToday).atZone(this.zone).toInstant())
        : Duration.ZERO;
  }

  /**
   * Sets the engine's clock to the demo's day, if one is set. Called before the engine starts its job executor; a
   * test that resets the shared engine clock calls it again to come back to the same ticking time.
   */
  public void applyDemoDay() {
    if (!demoOffset.isZero()) {
      ClockUtil.offset(demoOffset.toMillis());
      LOG.warn("The engine's clock runs as if it were {} (trygg.demo.today / DEMO_TODAY); demo only",
          now().toLocalDateTime().withNano(0));
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate today() {
    return now().toLocalDate();
  }

  public ZonedDateTime now() {
    return instant().atZone(zone);
  }

  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The same time as a {@code java.time.Clock}, for code that must not know the engine. */
  public Clock asClock() {
    return new EngineTime(zone);
  }

  private static final class EngineTime extends Clock {
    private final ZoneId zone;

    EngineTime(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineTime(other);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }

  /** A task due on a day is due by the end of that day. */
  public Date endOfDay(LocalDate day) {
    return Date.from(LocalDateTime.of(day, LocalTime.of(23, 59)).atZone(zone).toInstant());
  }

  public Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  /** {@code trygg.demo.today}: a date ({@code 2027-03-31}, at 10:00) or a local date-time. */
  static final class DemoDay {
    static LocalDateTime parse(String text) {
      String value = text.trim();
      try {
        return value.contains("T") ? LocalDateTime.parse(value) : LocalDate.parse(value).atTime(10, 0);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("trygg.demo.today (DEMO_TODAY) must be a date such as 2027-03-31 or a "
            + "local date-time such as 2027-03-31T10:00, not '" + text + "'", e);
      }
    }

    private DemoDay() {
    }
  }
}
