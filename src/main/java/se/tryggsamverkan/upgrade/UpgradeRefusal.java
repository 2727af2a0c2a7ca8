package se.tryggsamverkan.upgrade;

import java.time.Instant;

/**
 * A running agreement or cycle that the last upgrade could not move to the newest process version: it runs on
 * {@code fromVersion} as before, and says why in {@code reason} (the engine's own words, for the operator).
 *
 * @param year the cycle's year, or the agreement's first year; null when the instance does not say
 */
public record UpgradeRefusal(String processInstanceId, String processKey, String processName, int fromVersion,
    int toVersion, String tenantId, String businessKey, Integer year, String reason, Instant refusedAt) {

  /** What a coordinator or manager reads next to the cycle: "Årscykel 2027 körs kvar på processversion 5 …". */
  public String swedish() {
    return (processName == null ? processKey : processName) + (year == null ? "" : " " + year)
        + " körs kvar på processversion " + fromVersion + " (den nyaste är " + toVersion
        + "): uppgraderingen kunde inte flytta den. Driften har fått orsaken.";
  }
}
