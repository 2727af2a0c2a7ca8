package se.tryggsamverkan.upgrade.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tryggsamverkan.upgrade.ProcessUpgrade;
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
    return upgrade.migrateRunningInstances();
  }

  private void administrator() {
    access.checkAdministrator(ADMINISTRATORS_ONLY);
  }
}
