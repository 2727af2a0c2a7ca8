package se.tryggsamverkan.overview.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.identity.Viewer;
import se.tryggsamverkan.overview.CycleStates;
import se.tryggsamverkan.overview.OverviewService;
import se.tryggsamverkan.plan.PlanChange;
import se.tryggsamverkan.upgrade.ProcessUpgrade;
import se.tryggsamverkan.upgrade.UpgradeRefusal;
import se.tryggsamverkan.web.ApiAccess;

/**
 * The managers' overview as JSON: the table across the viewer's municipalities, and one municipality's year with
 * its cycle's diagram. Everyone sees only their own municipalities.
 */
@RestController
@Tag(name = "Översikt", description = "Var kommunerna står i årscykeln, vad som är försenat och hur löftena hålls")
@SecurityRequirement(name = "basic")
class OverviewController {

  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
  static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";

  record PhaseView(int year, String phase, String phaseName) {

    static PhaseView of(OverviewService.Phase p) {
      return p == null ? null : new PhaseView(p.year(), p.phase().name(), p.phase().swedishName());
    }
  }

  record StatusCount(String status, String name, String symbol, int count) {

    static List<StatusCount> of(Map<ActivityStatus, Integer> counts) {
      return Arrays.stream(ActivityStatus.values())
          .map(s -> new StatusCount(s.name(), s.swedishName(), s.symbol(), counts.getOrDefault(s, 0))).toList();
    }
  }

  /**
   * {@code notUpgraded}: the municipality's agreements and cycles that the last upgrade could not move to the newest
   * process version (issue 19), in Swedish; empty as a rule.
   */
  record MunicipalityRow(String tenantId, String name, String policeArea, String agreementId, String period,
      PhaseView implementation, PhaseView planning, int openTasks, int overdueTasks, int dueSoonTasks,
      int delayedActivities, List<StatusCount> activities, OverviewService.PromiseCounts promises, String link,
      String page, List<NotUpgradedView> notUpgraded) {
  }

  /** An agreement or cycle left on an older process version by the last upgrade; the operator has the reason. */
  record NotUpgradedView(String processInstanceId, String process, Integer year, int version, String message) {

    static NotUpgradedView of(UpgradeRefusal r) {
      return new NotUpgradedView(r.processInstanceId(), r.processKey(), r.year(), r.fromVersion(), r.swedish());
    }
  }

  record Overview(LocalDate today, int year, List<MunicipalityRow> municipalities) {
  }

  record CycleView(String processInstanceId, String phase, String phaseName, boolean ended,
      List<String> activeElements, String diagram, String cockpit) {
  }

  record TaskView(String id, String name, String element, List<String> roles, String assignee, LocalDate due,
      String state, String tasklist) {
  }

  record RoleView(String group, String role, int open, int overdue, int dueSoon) {
  }

  /** {@code stoppedOn} and {@code stopReason} are null unless the status is "Stoppad". */
  record ActivityView(String focusArea, String description, String responsible, LocalDate start, LocalDate end,
      String status, String statusName, String symbol, String comment, LocalDate reportedOn, LocalDate stoppedOn,
      String stopReason, List<String> changes) {
  }

  /** A change to the year's plan and what became of it (issue 15). */
  record PlanChangeView(int number, LocalDate proposedOn, String proposedBy, String reason, String status,
      String statusName, String deciders, LocalDate decidedOn, List<String> rows, List<ChangeDecisionView> decisions) {
  }

  record ChangeDecisionView(String party, boolean approves, String comment, String decidedBy, LocalDate decidedOn) {
  }

  record PromiseView(int number, String text, String party, String target, int done, Integer expectedSoFar,
      String verdict, String verdictName) {
  }

  record DecisionView(int round, String party, String verdict, String verdictName, String comment,
      String decidedAt) {
  }

  record ReportView(int version, boolean isFinal, String pdf, String html) {
  }

  record MunicipalityView(String tenantId, String name, String policeArea, String agreementId, String period, int year,
      List<Integer> years, LocalDate today, CycleView cycle, List<TaskView> openTasks, List<RoleView> tasksByRole,
      List<StatusCount> activitiesByStatus, List<ActivityView> activities, List<PromiseView> promises,
      List<DecisionView> decisions, List<ReportView> reports, List<PlanChangeView> planChanges,
      List<NotUpgradedView> notUpgraded) {
  }

  private final OverviewService overview;
  private final ApiAccess access;
  private final Viewer viewer;
  private final EngineClock clock;
  private final Directory directory;
  private final ProcessUpgrade notUpgraded;

  OverviewController(OverviewService overview, ApiAccess access, Viewer viewer, EngineClock clock,
      Directory directory, ProcessUpgrade notUpgraded) {
    this.directory = directory;
    this.notUpgraded = notUpgraded;
    this.overview = overview;
    this.access = access;
    this.viewer = viewer;
    this.clock = clock;
  }

  @GetMapping(path = "/api/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Alla dina kommuner: fas, försenade uppgifter, aktiviteter och medborgarlöften i år")
  Overview municipalities() {
    ZonedDateTime now = clock.now();
    // an administrator belongs to no municipality but may see them all
    Set<String> tenants = viewer.administrator() ? directory.allTenantIds() : viewer.tenantIds();
    Map<String, List<NotUpgradedView>> notMoved = notUpgraded.refusals(tenants).stream()
        .collect(Collectors.groupingBy(UpgradeRefusal::tenantId, Collectors.mapping(NotUpgradedView::of,
            Collectors.toList())));
    return new Overview(now.toLocalDate(), now.getYear(), overview.municipalities(tenants, now).stream()
        .map(r -> new MunicipalityRow(r.tenantId(), r.name(), r.policeArea(), r.agreementId(), r.period(),
            PhaseView.of(r.implementation()), PhaseView.of(r.planning()), r.openTasks(), r.overdueTasks(),
            r.dueSoonTasks(), r.activitiesByStatus().getOrDefault(ActivityStatus.DELAYED, 0),
            StatusCount.of(r.activitiesByStatus()), r.promises(), "/api/tenants/" + r.tenantId() + "/overview",
            "/oversikt/kommun.html?kommun=" + r.tenantId(), notMoved.getOrDefault(r.tenantId(), List.of())))
        .toList());
  }

  @GetMapping(path = "/api/tenants/{tenantId}/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "En kommuns år: cykelns läge, öppna uppgifter per roll, aktiviteter, löften och beslut")
  MunicipalityView municipality(@PathVariable String tenantId, @RequestParam(required = false) Integer year) {
    access.checkTenant(tenantId);
    ZonedDateTime now = clock.now();
    int y = year == null ? now.getYear() : year;
    OverviewService.MunicipalityOverview o = overview.municipality(tenantId, y, now)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Kommunen har ingen överenskommelse som gäller år " + y));
    String base = "/api/tenants/" + tenantId + "/agreements/" + o.agreement().id() + "/years/" + y;
    CycleView cycle = o.cycle().map(c -> new CycleView(c.processInstanceId(), c.phase().name(),
        c.phase().swedishName(), c.ended(), c.activeElements(),
        "/api/tenants/" + tenantId + "/overview/diagram?year=" + y,
        c.ended() ? null : COCKPIT + c.processInstanceId() + "/runtime")).orElse(null);
    return new MunicipalityView(tenantId, o.agreement().municipality(), o.agreement().policeArea(),
        o.agreement().id(), o.agreement().periodStart().getYear() + "–" + o.agreement().periodEnd().getYear(), y,
        o.years(), now.toLocalDate(), cycle,
        o.openTasks().stream().map(t -> new TaskView(t.task().id(), t.task().name(), t.task().elementId(),
            t.roles().stream().map(Role::swedishName).toList(), t.assigneeName(),
            t.task().due() == null ? null : t.task().due().toLocalDate(), t.state().name(),
            TASKLIST + t.task().id())).toList(),
        o.tasksByRole().stream().map(r -> new RoleView(r.role().groupId(), r.role().swedishName(), r.open(),
            r.overdue(), r.dueSoon())).toList(),
        StatusCount.of(o.activitiesByStatus()),
        o.activities().stream().map(s -> new ActivityView(s.planned().activity().focusArea(),
            s.planned().activity().description(), s.planned().activity().responsibleParty().swedishName(),
            s.planned().activity().start(), s.planned().activity().end(), s.status().name(),
            s.status().swedishName(), s.status().symbol(), s.latest().map(r -> r.comment()).orElse(null),
            s.latest().map(r -> r.reportedOn()).orElse(null),
            s.status() == ActivityStatus.STOPPED ? s.planned().stoppedOn().orElse(null) : null,
            s.status() == ActivityStatus.STOPPED ? s.planned().stop().map(t -> t.reason()).orElse(null) : null,
            o.changesOf(s.planned().id())))
            .toList(),
        o.promises().stream().map(p -> new PromiseView(p.index(), p.promise().text(),
            p.promise().party().swedishName(), p.promise().target() == null ? null : p.promise().target().swedish(),
            p.occurrences().size(), p.progress() == null ? null : p.progress().expectedSoFar(),
            p.progress() == null ? null : p.progress().verdict().name(),
            p.progress() == null ? null : p.progress().verdict().swedishName())).toList(),
        o.decisions().stream().map(d -> new DecisionView(d.round(), d.party().swedishName(), d.verdict(),
            "APPROVE".equals(d.verdict()) ? "Godkände planen" : "Återremitterade planen", d.comment(),
            d.decidedAt().toLocalDate().toString())).toList(),
        o.reports().stream().map(r -> new ReportView(r.version(), r.isFinal(),
            base + "/report.pdf?version=" + r.version(), base + "/report.html?version=" + r.version())).toList(),
        o.planChanges().stream().map(c -> new PlanChangeView(c.number(), c.proposedAt().toLocalDate(),
            directory.displayName(c.proposedBy()), c.reason(), c.status().name(), c.status().swedishName(),
            c.deciders().swedishName(), c.decidedAt() == null ? null : c.decidedAt().toLocalDate(),
            c.rows().stream().map(r -> r.swedish(directory::displayName)).toList(),
            c.decisions().stream().map(d -> new ChangeDecisionView(d.party().swedishName(), d.approves(),
                d.comment(), directory.displayName(d.decidedBy()), d.decidedAt().toLocalDate())).toList())).toList(),
        notUpgraded.refusals(Set.of(tenantId)).stream().map(NotUpgradedView::of).toList());
  }

  @GetMapping(path = "/api/tenants/{tenantId}/overview/diagram", produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "BPMN-diagrammet för kommunens årscykel (för bpmn-js)")
  ResponseEntity<String> diagram(@PathVariable String tenantId, @RequestParam int year) {
    access.checkTenant(tenantId);
    OverviewService.MunicipalityOverview o = overview.municipality(tenantId, year, clock.now())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Kommunen har ingen överenskommelse som gäller år " + year));
    CycleStates.Cycle cycle = o.cycle().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Årscykeln " + year + " har inte startat"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(overview.diagram(cycle).orElseThrow());
  }
}
