package se.tryggsamverkan.upgrade;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The process versions in the health report: how many agreements and cycles run on each version, and the instances
 * the last upgrade could not move (with municipality, year and reason), or the error the last run stopped on. Those
 * run on as before, so the product is DEGRADED, not DOWN: an operator should look, nobody should restart anything
 * for it.
 */
@Component("processVersions")
class ProcessVersionsHealth extends AbstractHealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED",
      "Några pågående processer kunde inte flyttas till den nyaste versionen; de körs vidare på sin gamla");
  /** The health report lists this many refusals; the overview and the administrators' API list all. */
  static final int LISTED = 20;

  private final ProcessUpgrade upgrade;

  ProcessVersionsHealth(ProcessUpgrade upgrade) {
    super("Process versions health check failed");
    this.upgrade = upgrade;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Map<String, Map<Integer, Long>> running = upgrade.runningPerVersion();
    List<UpgradeRefusal> refused = upgrade.refusals();
    Optional<UpgradeFailure> failure = upgrade.failure();
    builder.withDetail("runningPerVersion", running).withDetail("refused", refused.size());
    failure.ifPresent(f -> builder.withDetail("lastRunFailed", Map.of("at", f.at().toString(), "error", f.message())));
    if (refused.isEmpty() && failure.isEmpty()) {
      builder.up();
      return;
    }
    builder.status(DEGRADED);
    if (refused.isEmpty()) {
      return;
    }
    builder.withDetail("refusedInstances", refused.stream().limit(LISTED)
        .map(r -> Map.of("processInstanceId", r.processInstanceId(), "process", r.processKey(),
            "version", r.fromVersion(), "municipality", String.valueOf(r.tenantId()),
            "year", String.valueOf(r.year()), "reason", r.reason()))
        .toList());
  }
}
