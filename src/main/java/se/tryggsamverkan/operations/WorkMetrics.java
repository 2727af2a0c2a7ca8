package se.tryggsamverkan.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The product's own numbers for Prometheus next to the JVM's, the database pool's and HTTP's: mails by outbox
 * status, open and overdue user tasks, and follow-up reports by activity status. Read from the database at most
 * every 30 seconds, whatever the scrape interval.
 */
@Component
class WorkMetrics implements MeterBinder {

  private static final Duration FRESH_FOR = Duration.ofSeconds(30);

  private final JdbcClient jdbc;
  private final OpenTasks tasks;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** Due dates are the engine's: overdue is counted on its clock (the demo may run on another day). */
  private final java.time.Clock clock;

  WorkMetrics(JdbcClient jdbc, OpenTasks tasks, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String status : new String[] {"PENDING", "SENT", "FAILED", "NO_ADDRESS", "CANCELLED"}) {
      Gauge.builder("trygg.mail.outbox", () -> cached("mail-" + status, () -> count(
              "select count(*) from mail_outbox where status = :s", status)))
          .tag("status", status).description("Mails in the outbox by status").register(registry);
    }
    Gauge.builder("trygg.tasks.open", () -> cached("open", () -> (int) tasks.count()))
        .description("Open user tasks of all municipalities").register(registry);
    Gauge.builder("trygg.tasks.overdue", () -> cached("overdue", () -> (int) tasks.countDueBefore(
            clock.instant())))
        .description("Open user tasks past their due date").register(registry);
  }

  private int count(String sql, String status) {
    var statement = jdbc.sql(sql);
    return (status == null ? statement : statement.param("s", status)).query(Integer.class).single();
  }

  private double cached(String key, Supplier<Integer> read) {
    Cached c = cache.get(key);
    // an interval, not a date: measured on the monotonic clock, so that a moved engine clock cannot freeze it
    if (c == null || System.nanoTime() - c.readAtNanos() > FRESH_FOR.toNanos()) {
      c = new Cached(read.get(), System.nanoTime());
      cache.put(key, c);
    }
    return c.value();
  }

  private record Cached(double value, long readAtNanos) {
  }
}
