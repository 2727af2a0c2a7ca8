package se.tryggsamverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import se.tryggsamverkan.support.ShippedConfiguration;

/**
 * Job threads and the connection pool fit each other (a delivering job holds two connections): what the product
 * ships fits in both profiles, Camunda's own default did not, and a start with a pool too small says what to set.
 */
class ConnectionBudgetTest {

  /** Hikari's pool size when none is set (the embedded default sets none). */
  private static final int HIKARI_DEFAULT = 10;

  @Test
  void theShippedProfilesLeaveConnectionsForUsersWhileEveryJobThreadHoldsTwo() {
    for (String[] args : new String[][] {{}, {"--spring.profiles.active=postgres"}}) {
      Environment env = ShippedConfiguration.environment(args);
      int threads = env.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class);
      int pool = env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, HIKARI_DEFAULT);
      assertThat(env.getProperty("camunda.bpm.job-execution.core-pool-size", Integer.class)).isEqualTo(threads);
      assertThat(pool).as("pool for %s job threads (%s)", threads, String.join(" ", args))
          .isGreaterThanOrEqualTo(ConnectionBudget.needed(threads));
      assertThat(budget(threads, pool).check()).isEmpty();
    }
  }

  @Test
  void camundasDefaultOfTenJobThreadsOnAPoolOfTenIsWarnedAboutWithWhatToSet() {
    String warning = budget(10, 10).check();

    assertThat(warning).contains("10 connections for 10 job threads", "DB_POOL_SIZE to at least 22",
        "JOB_THREADS to at most 4");
    assertThat(budget(4, 9).check()).contains("DB_POOL_SIZE to at least 10", "JOB_THREADS to at most 3");
    assertThat(budget(4, 10).check()).as("at the limit").isEmpty();
  }

  @Test
  void aNodeThatRunsNoJobsNeedsNoRoomForThem() {
    assertThat(new ConnectionBudget(10, false, pool(3)).check()).isEmpty();
  }

  private static ConnectionBudget budget(int jobThreads, int poolSize) {
    return new ConnectionBudget(jobThreads, true, pool(poolSize));
  }

  /** A pool that is configured, not opened: nothing here connects. */
  private static HikariDataSource pool(int size) {
    HikariDataSource pool = new HikariDataSource();
    pool.setMaximumPoolSize(size);
    return pool;
  }

}
