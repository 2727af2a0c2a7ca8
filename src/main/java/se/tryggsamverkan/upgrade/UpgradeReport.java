package se.tryggsamverkan.upgrade;

import java.time.Duration;
import java.util.List;

/**
 * What one upgrade run did with the running instances of one process: how many it moved to the newest version, how
 * many were on it already, and which it refused (left running on their version).
 */
public record UpgradeReport(List<PerProcess> processes, Duration took) {

  /** One process key's figures. {@code newestVersion} 0 when the process is not deployed. */
  public record PerProcess(String processKey, int newestVersion, int migrated, int alreadyCurrent,
      List<UpgradeRefusal> refused) {
  }

  public int migrated() {
    return processes.stream().mapToInt(PerProcess::migrated).sum();
  }

  public int alreadyCurrent() {
    return processes.stream().mapToInt(PerProcess::alreadyCurrent).sum();
  }

  public List<UpgradeRefusal> refused() {
    return processes.stream().flatMap(p -> p.refused().stream()).toList();
  }
}
