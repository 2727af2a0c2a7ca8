package se.tryggsamverkan.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
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
  private final TaskService tasks;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  WorkMetrics(JdbcClient jdbc, @Lazy TaskService tasks) {
    this.jdbc = jdbc;
    this.tasks = tasks;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String status : new String[] {"PENDING", "SENT", "FAILED", "NO_ADDRESS", "CANCELLED"}) {
      Gauge.builder("trygg.mail.outbox", () -> cached("mail-" + status, () -> count(
              "select count(*) from mail_outbox where status = :s", status)))
          .tag("status", status).description("Mails in the outbox by status").register(registry);
    }
    Gauge.builder("trygg.tasks.open", () -> cached("open", () -> (int) tasks.createTaskQuery().count()))
        .description("Open user tasks of all municipalities").register(registry);
    Gauge.builder("trygg.tasks.overdue", () -> cached("overdue", () -> (int) tasks.createTaskQuery()
            .dueBefore(java.util.Date.from(Instant.now())).count()))
        .description("Open user tasks past their due date").register(registry);
  }

  private int count(String sql, String status) {
    var statement = jdbc.sql(sql);
    return (status == null ? statement : statement.param("s", status)).query(Integer.class).single();
  }

  private double cached(String key, Supplier<Integer> read) {
    Cached c = cache.get(key);
    if (c == null || c.at().plus(FRESH_FOR).isBefore(Instant.now())) {
      c = new Cached(read.get(), Instant.now());
      cache.put(key, c);
    }
    return c.value();
  }

  private record Cached(double value, Instant at) {
  }
}
