package se.tryggsamverkan.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.identity.Viewer;
import se.tryggsamverkan.statistics.OfficialStatistics;
import se.tryggsamverkan.statistics.engine.OpenSituationPictures;
import se.tryggsamverkan.web.ApiAccess;

/**
 * The municipality's official figures (issue 17) as kept by the last refresh, beside the county and the country,
 * and a refresh on demand for the coordinators, which also offers the new figures to the open situation pictures.
 */
@RestController
@RequestMapping(path = "/api/tenants/{tenantId}/statistics", produces = "application/json")
@Tag(name = "Officiell statistik", description = "Kommunens siffror från Kolada till lägesbilden")
@SecurityRequirement(name = "basic")
class StatisticsController {

  record FigureView(String kpiId, String title, String unit, int period, BigDecimal value, BigDecimal county,
      BigDecimal country, BigDecimal changePercent, LocalDate retrievedOn) {
  }

  record RefreshView(String outcome, String message, Instant attemptedAt, Instant succeededAt) {
  }

  record StatisticsView(int year, String source, RefreshView lastRefresh, List<FigureView> figures,
      boolean mayRefresh) {
  }

  record RefreshResult(RefreshView refresh, int openTasksUpdated) {
  }

  private final OfficialStatistics statistics;
  private final OpenSituationPictures openTasks;
  private final ApiAccess access;
  private final Viewer viewer;
  private final Clock clock;

  StatisticsController(OfficialStatistics statistics, OpenSituationPictures openTasks, ApiAccess access,
      Viewer viewer, Clock clock) {
    this.viewer = viewer;
    this.statistics = statistics;
    this.openTasks = openTasks;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "Kommunens officiella siffror för en årscykel (de fem åren före), med län och riket")
  StatisticsView figures(@PathVariable String tenantId, @RequestParam(required = false) Integer year) {
    access.checkTenant(tenantId);
    int cycleYear = year != null ? year : LocalDate.now(clock).getYear() + 1;
    return new StatisticsView(cycleYear, "Källa: Kolada", statistics.lastRefresh(tenantId).map(this::view).orElse(null),
        statistics.figures(tenantId, cycleYear).stream()
            .map(f -> new FigureView(f.indicator().id(), f.indicator().title(), f.indicator().unit(), f.period(),
                f.value(), f.county(), f.country(), f.changePercent(), f.retrievedOn()))
            .toList(),
        viewer.hasRole(Role.POLICE_COORDINATOR) || viewer.hasRole(Role.MUNICIPAL_COORDINATOR));
  }

  @PostMapping("/refresh")
  @Operation(summary = "Hämta kommunens siffror från Kolada nu och fyll i dem i öppna lägesbilder")
  RefreshResult refresh(@PathVariable String tenantId) {
    access.checkTenant(tenantId);
    access.checkRole("Bara samordnarna hämtar statistiken", Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR);
    OfficialStatistics.Refresh refresh = statistics.refresh(tenantId);
    return new RefreshResult(view(refresh), refresh.ok() ? openTasks.offerAgain(tenantId) : 0);
  }

  private RefreshView view(OfficialStatistics.Refresh r) {
    return new RefreshView(r.outcome(), r.message(), r.attemptedAt(), r.succeededAt());
  }
}
