package se.tryggsamverkan.upgrade.engine;

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

  private final ProcessUpgrade upgrade;

  UpgradeAtStart(ProcessUpgrade upgrade) {
    this.upgrade = upgrade;
  }

  @Override
  public void run(ApplicationArguments args) {
    upgrade.migrateRunningInstances();
  }
}
