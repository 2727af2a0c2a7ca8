package se.tryggsamverkan.upgrade;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Moves running agreements and cycles to the newest process version (issue 19, ADR 13). */
public interface ProcessUpgrade {

  /**
   * Moves every running instance of an older version that the engine accepts; idempotent. An error other than a
   * refusal is thrown, after it is kept for {@link #failure()}.
   */
  UpgradeReport migrateRunningInstances();

  /** The last run's error on this node, if the last run failed; empty once a run succeeds. */
  Optional<UpgradeFailure> failure();

  /** Per process key, how many instances run on each deployed version (versions without instances left out). */
  Map<String, Map<Integer, Long>> runningPerVersion();

  /** The instances the last run refused that still run on the version it left them on. */
  List<UpgradeRefusal> refusals();

  /** The same, of these municipalities only. */
  List<UpgradeRefusal> refusals(Set<String> tenantIds);
}
