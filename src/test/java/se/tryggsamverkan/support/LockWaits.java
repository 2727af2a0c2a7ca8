package se.tryggsamverkan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes two transactions meet for certain in a test: the first holds its rows, the second is started, and the test
 * goes on only once PostgreSQL shows the second waiting for a lock the first holds.
 */
public final class LockWaits {

  private LockWaits() {
  }

  /** Until a statement that begins with {@code statementStart} waits for a lock (at most 30 s). */
  public static void untilAStatementWaits(JdbcClient jdbc, String statementStart) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like :q")
        .param("q", statementStart + "%").query(Integer.class).single() == 0) {
      assertThat(System.nanoTime()).as("a statement %s… waiting for a lock", statementStart).isLessThan(until);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
