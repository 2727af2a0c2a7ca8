package se.tryggsamverkan.engine;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Does a user's claim or completion of a task again when its transaction met another one that changed the same
 * rows at the same moment. The engine refuses the later of the two to commit, and its REST API answers that with a
 * 500, although nothing was wrong with either:
 * <ul>
 *   <li>two parallel tasks that end at a join (the two situation pictures, the two steering-group decisions) both
 *       update their instance's shared execution: the second gets an {@link OptimisticLockingException};</li>
 *   <li>a claim clicked twice, or by two coordinators at once, adds the assignee's authorization twice: the second
 *       meets the engine's unique key on {@code ACT_RU_AUTHORIZATION}.</li>
 * </ul>
 * Done again, in a transaction of its own, the command sees what the other committed: the completion goes on
 * through the join, the claim finds the task is the caller's already (fine) or someone else's (the engine's
 * refusal, which {@link EngineApiGuard} answers 409 in Swedish).
 *
 * <p>Only a command that owns its transaction is done again (a call from Tasklist, the REST API or a service method
 * without a transaction around it): inside a caller's transaction, or inside another engine command, the failure
 * is the caller's to handle, since what it did before is rolled back with it. Nothing these commands do leaves the
 * database before it commits (mails go through the outbox), so doing one again does nothing twice.
 */
final class SameMomentRetry extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(SameMomentRetry.class);
  static final int ATTEMPTS = 3;
  /** SQL's "unique violation", the same in PostgreSQL and H2. */
  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public <T> T execute(Command<T> command) {
    boolean retried = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
        || command instanceof ClaimTaskCmd;
    if (!retried || Context.getCommandContext() != null
        || TransactionSynchronizationManager.isActualTransactionActive()) {
      return next.execute(command);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if (!sameMoment(e)) {
          throw e;
        }
        String what = command instanceof ClaimTaskCmd ? "claim" : "completion";
        if (attempt == ATTEMPTS) {
          LOG.warn("A task's {} met another transaction on the same rows {} times; given up: {}", what, ATTEMPTS,
              cause(e));
          throw e;
        }
        LOG.info("A task's {} met another transaction on the same rows (attempt {} of {}); trying again: {}", what,
            attempt, ATTEMPTS, cause(e));
        pause(attempt);
      }
    }
  }

  /** An optimistic-locking refusal, or a unique key that another transaction's row took first. */
  static boolean sameMoment(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
      for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
        if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  private static String cause(Throwable thrown) {
    Throwable t = thrown;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).lines().findFirst().orElse("");
  }

  /** A little longer each time, so that two that keep meeting fall out of step. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to do a task's command again", e);
    }
  }
}
