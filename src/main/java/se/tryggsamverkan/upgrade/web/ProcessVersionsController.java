package se.tryggsamverkan.upgrade.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tryggsamverkan.upgrade.ProcessUpgrade;
import se.tryggsamverkan.upgrade.UpgradeFailure;
import se.tryggsamverkan.upgrade.UpgradeRefusal;
import se.tryggsamverkan.upgrade.UpgradeReport;
import se.tryggsamverkan.web.ApiAccess;

/**
 * The operator's side of an upgrade, for administrators: which versions the running agreements and cycles are on,
 * which the last run refused, and a run now (the same as at start; idempotent).
 */
@RestController
@RequestMapping("/api/admin/process-versions")
@Tag(name = "Processversioner", description = "Pågående överenskommelser och årscykler flyttas till den nyaste "
    + "processversionen")
@SecurityRequirement(name = "basic")
class ProcessVersionsController {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessVersionsController.class);

  static final String STOPPED = "Flytten till den nyaste processversionen avbröts av ett fel. Det som inte hann "
      + "flyttas körs vidare på sin version och kan arbetas med som vanligt. Rätta orsaken och kör igen. Felet: ";

  static final String ADMINISTRATORS_ONLY = "Endast administratörer kan se och flytta processversioner";

  record Versions(Map<String, Map<Integer, Long>> runningPerVersion, List<UpgradeRefusal> refused) {
  }

  private final ProcessUpgrade upgrade;
  private final ApiAccess access;

  ProcessVersionsController(ProcessUpgrade upgrade, ApiAccess access) {
    this.upgrade = upgrade;
    this.access = access;
  }

  @GetMapping
  @Operation(summary = "Running instances per process version, and those the last upgrade refused")
  Versions versions() {
    administrator();
    return new Versions(upgrade.runningPerVersion(), upgrade.refusals());
  }

  @PostMapping("/migrate")
  @Operation(summary = "Move every running instance of an older version to the newest now (as at start)")
  UpgradeReport migrate() {
    administrator();
    try {
      return upgrade.migrateRunningInstances();
    } catch (RuntimeException e) {
      throw new RunStopped(e);
    }
  }

  /**
   * A run that stopped on an error: the run keeps the error for the health report, and the administrator who ran it
   * gets it at once, with what it means for the municipalities.
   */
  @ExceptionHandler(RunStopped.class)
  ResponseEntity<Map<String, Object>> stopped(RunStopped e) {
    LOG.error("Process upgrade run by an administrator stopped", e.getCause());
    String cause = upgrade.failure().map(UpgradeFailure::message).orElseGet(() -> e.getCause().toString());
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(Map.of("status", 500, "message", STOPPED + cause, "error", cause));
  }

  private static final class RunStopped extends RuntimeException {
    RunStopped(RuntimeException cause) {
      super(cause);
    }
  }

  private void administrator() {
    access.checkAdministrator(ADMINISTRATORS_ONLY);
  }
}
