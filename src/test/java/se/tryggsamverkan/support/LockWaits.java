package se.tryggsamverkan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes two transactions meet for certain in a test: the first holds its rows, the second is started, and the test
 * goes on only once PostgreSQL shows the second waiting for a lock the first holds.
 */
public final class LockWaits {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  private LockWaits() {
  }

  /** What each of the two got. */
  public record Both<A, B>(A first, B second) {
  }

  /**
   * Runs {@code first} in a transaction that stays open until {@code second}, started beside it, waits for a lock
   * (in a statement that begins with {@code waitingStatement}; "" for any); then commits the first and answers what
   * both got. A failure of either is thrown here.
   */
  public static <A, B> Both<A, B> whileHeld(PlatformTransactionManager transactions, JdbcClient jdbc,
      String waitingStatement, Supplier<A> first, Callable<B> second) throws Exception {
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<A> holder = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
        .execute(status -> {
          A result = first.get();
          written.countDown();
          await(commit);
          return result;
        }));
    assertThat(written.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the first transaction wrote").isTrue();
    CompletableFuture<B> other = CompletableFuture.supplyAsync(() -> {
      try {
        return second.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    untilAStatementWaits(jdbc, waitingStatement);
    commit.countDown();
    return new Both<>(holder.get(LIMIT.toSeconds(), TimeUnit.SECONDS), other.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
  }

  /** Until a statement that begins with {@code statementStart} waits for a lock (at most 30 s). */
  public static void untilAStatementWaits(JdbcClient jdbc, String statementStart) {
    long until = System.nanoTime() + LIMIT.toNanos();
    while (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like :q")
        .param("q", statementStart + "%").query(Integer.class).single() == 0) {
      assertThat(System.nanoTime()).as("a statement %s… waiting for a lock", statementStart).isLessThan(until);
      pause();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the test let the first commit").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
