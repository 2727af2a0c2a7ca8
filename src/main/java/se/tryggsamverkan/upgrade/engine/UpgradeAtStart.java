package se.tryggsamverkan.upgrade.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.upgrade.ProcessUpgrade;

/**
 * At every start, once the engine has deployed the models of this release and Flyway has brought the product's
 * tables to it: the running agreements and cycles of older versions move to the newest. A start with nothing to
 * move costs a few queries. {@code trygg.upgrade.migrate-at-start=false} leaves it to the administrators' command
 * ({@code POST /api/admin/process-versions/migrate}, README).
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "trygg.upgrade.migrate-at-start", havingValue = "true", matchIfMissing = true)
class UpgradeAtStart implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(UpgradeAtStart.class);

  private final ProcessUpgrade upgrade;

  UpgradeAtStart(ProcessUpgrade upgrade) {
    this.upgrade = upgrade;
  }

  /**
   * A run that fails does not stop the start: the instances it did not move run on on their versions, as refused
   * ones do (ADR 13), and every municipality keeps its product. The health report is DEGRADED until a run succeeds.
   */
  @Override
  public void run(ApplicationArguments args) {
    try {
      upgrade.migrateRunningInstances();
    } catch (RuntimeException e) {
      LOG.error("Moving the running agreements and cycles to the newest process version failed at this start; those "
          + "not moved run on on their versions, and the health report says DEGRADED until a run succeeds. Mend the "
          + "cause, then run it again as an administrator (POST /api/admin/process-versions/migrate) or restart", e);
    }
  }
}
