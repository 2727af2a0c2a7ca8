package se.tryggsamverkan.upgrade;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Moves running agreements and cycles to the newest process version (issue 19, ADR 13). */
public interface ProcessUpgrade {

  /** Moves every running instance of an older version that the engine accepts; idempotent. */
  UpgradeReport migrateRunningInstances();

  /** Per process key, how many instances run on each deployed version (versions without instances left out). */
  Map<String, Map<Integer, Long>> runningPerVersion();

  /** The instances the last run refused that still run on the version it left them on. */
  List<UpgradeRefusal> refusals();

  /** The same, of these municipalities only. */
  List<UpgradeRefusal> refusals(Set<String> tenantIds);
}
