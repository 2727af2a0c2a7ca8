package se.tryggsamverkan.common;

import java.util.function.IntSupplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a row that one key names: changes it when it is there, adds it when it is not, and stays right when another
 * transaction adds the same key in between (two coordinators who press at the same moment, a double click, two
 * nodes that refresh at once). Then this transaction's insert meets the other's unique key; the insert runs in a
 * savepoint of its own, so only it is rolled back (PostgreSQL would otherwise refuse every further statement of the
 * transaction), and the update runs again on the row that now exists. The later writer's values stand, as they
 * would have had the two come one after the other.
 *
 * <p>Neither database does this in one statement on both: {@code insert … on conflict do update} is PostgreSQL's
 * only, and {@code merge} raises the same unique-key error when the key is added concurrently.
 */
@Component
public class KeyedRows {

  private final TransactionTemplate savepoint;

  public KeyedRows(PlatformTransactionManager transactions) {
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Runs {@code update}; when it changed no row, runs {@code insert}; when the insert meets a row added meanwhile,
   * runs {@code update} again.
   *
   * @param update changes the row and answers how many rows it changed
   * @param insert adds the row
   */
  public void updateElseInsert(IntSupplier update, Runnable insert) {
    if (update.getAsInt() > 0) {
      return;
    }
    try {
      savepoint.executeWithoutResult(status -> insert.run());
    } catch (DuplicateKeyException addedMeanwhile) {
      if (update.getAsInt() == 0) {
        // added and removed again in between: nothing this call can rely on
        throw addedMeanwhile;
      }
    }
  }
}
