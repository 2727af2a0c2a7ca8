package se.tryggsamverkan.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's job threads and the connection pool must fit each other. A job holds its own connection for as long
 * as it runs, and a mail delivery takes a second one for each mail it marks (each mail in a transaction of its own,
 * ADR 4). When every connection is held by a job waiting for its second, every job and every user's request waits
 * until the pool gives up (30 s): seen with Camunda's default of up to 10 job threads on a pool of 10. Checked once
 * the product has started; a pool too small for the threads is a WARN that says what to set.
 */
@Component
class ConnectionBudget {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionBudget.class);
  /** Connections left for users' requests and the product's own scheduled work while every job thread holds two. */
  static final int FOR_USERS = 2;

  private final int jobThreads;
  private final boolean jobsRunHere;
  private final DataSource dataSource;

  ConnectionBudget(@Value("${camunda.bpm.job-execution.max-pool-size:10}") int jobThreads,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobsRunHere, DataSource dataSource) {
    this.jobThreads = jobThreads;
    this.jobsRunHere = jobsRunHere;
    this.dataSource = dataSource;
  }

  /** The smallest pool for this many job threads. */
  static int needed(int jobThreads) {
    return 2 * jobThreads + FOR_USERS;
  }

  /** The pool's size, if it is a pool whose size is known. */
  Integer poolSize() {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** Empty when the pool is large enough, else the warning. */
  String check() {
    Integer pool = poolSize();
    if (!jobsRunHere || pool == null || pool >= needed(jobThreads)) {
      return "";
    }
    return "The database pool has " + pool + " connections for " + jobThreads + " job threads, which can hold two "
        + "each (a mail's delivery): with all of them busy, jobs and users' requests wait on each other until the pool "
        + "gives up. Set DB_POOL_SIZE to at least " + needed(jobThreads) + " or JOB_THREADS to at most "
        + Math.max(1, (pool - FOR_USERS) / 2);
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfTooSmall() {
    String warning = check();
    if (!warning.isEmpty()) {
      LOG.warn(warning);
    }
  }
}
