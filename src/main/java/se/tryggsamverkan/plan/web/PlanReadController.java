package se.tryggsamverkan.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.cycle.CycleRecords;
import se.tryggsamverkan.web.ApiAccess;
import se.tryggsamverkan.plan.ActionPlan;
import se.tryggsamverkan.plan.PlanChanges;
import se.tryggsamverkan.plan.PlanRepository;
import se.tryggsamverkan.plan.web.ApiModels.ActivityView;
import se.tryggsamverkan.plan.web.ApiModels.AgreementView;
import se.tryggsamverkan.plan.web.ApiModels.CauseAnalysisView;
import se.tryggsamverkan.plan.web.ApiModels.DecisionView;
import se.tryggsamverkan.plan.web.ApiModels.EntryView;
import se.tryggsamverkan.plan.web.ApiModels.PlaceView;
import se.tryggsamverkan.plan.web.ApiModels.PlanView;
import se.tryggsamverkan.plan.web.ApiModels.ProblemView;
import se.tryggsamverkan.plan.web.ApiModels.PromiseView;
import se.tryggsamverkan.plan.web.ApiModels.SituationView;
import se.tryggsamverkan.plan.web.ApiModels.YearView;

/**
 * The plan as JSON, per municipality (tenant). A caller sees only their own municipalities: another's gives
 * 403, an agreement or year that is not the municipality's gives 404.
 */
@RestController
@RequestMapping(path = "/api/tenants/{tenantId}", produces = "application/json")
@Tag(name = "Planen", description = "Överenskommelser, år, lägesbild, plan, löften och styrgruppens beslut")
@SecurityRequirement(name = "basic")
class PlanReadController {

  private final AgreementRepository agreements;
  private final PlanRepository plans;
  private final CycleRecords records;
  private final ApiAccess access;

  PlanReadController(AgreementRepository agreements, PlanRepository plans, CycleRecords records, ApiAccess access) {
    this.agreements = agreements;
    this.plans = plans;
    this.records = records;
    this.access = access;
  }

  @GetMapping("/agreements")
  @Operation(summary = "Kommunens samverkansöverenskommelser")
  @ApiResponse(responseCode = "403", description = "Inte din kommun")
  List<AgreementView> agreements(@PathVariable String tenantId) {
    access.checkTenant(tenantId);
    return agreements.findByTenant(tenantId).stream().map(AgreementView::of).toList();
  }

  @GetMapping("/agreements/{agreementId}")
  @Operation(summary = "En överenskommelse")
  @ApiResponse(responseCode = "404", description = "Ingen sådan överenskommelse i kommunen")
  AgreementView oneAgreement(@PathVariable String tenantId, @PathVariable String agreementId) {
    return AgreementView.of(access.agreement(tenantId, agreementId));
  }

  @GetMapping("/agreements/{agreementId}/years")
  @Operation(summary = "Överenskommelsens år (årscykler) och hur långt de kommit")
  List<YearView> years(@PathVariable String tenantId, @PathVariable String agreementId) {
    Agreement agreement = access.agreement(tenantId, agreementId);
    return agreement.cycleYears().stream().map(year -> new YearView(year, plans.versions(agreementId, year),
        plans.decisions(agreementId, year).size(), !plans.situationEntries(agreementId, year).isEmpty()
            || !plans.places(agreementId, year).isEmpty())).toList();
  }

  @GetMapping("/agreements/{agreementId}/years/{year}/situation")
  @Operation(summary = "Parternas lägesbilder: underlag med siffror, otrygga och brottsutsatta platser")
  SituationView situation(@PathVariable String tenantId, @PathVariable String agreementId, @PathVariable int year) {
    access.agreementYear(tenantId, agreementId, year);
    return new SituationView(year, plans.situationEntries(agreementId, year).stream().map(EntryView::of).toList(),
        plans.places(agreementId, year).stream().map(PlaceView::of).toList());
  }

  @GetMapping("/agreements/{agreementId}/years/{year}/plan")
  @Operation(summary = "Årets plan: fokusområden, problem, orsaksanalyser, aktiviteter och förslag till löften",
      description = "Utan version: den senaste. Med version: en tidigare version, t.ex. den styrgruppen återremitterade.")
  PlanView plan(@PathVariable String tenantId, @PathVariable String agreementId, @PathVariable int year,
      @Parameter(description = "planens version, 1 och uppåt") @RequestParam(required = false) Integer version) {
    access.agreementYear(tenantId, agreementId, year);
    List<Integer> versions = plans.versions(agreementId, year);
    ActionPlan plan = null;
    if (version != null) {
      plan = plans.plan(agreementId, year, version).orElseThrow(() -> new ResponseStatusException(
          HttpStatus.NOT_FOUND, "Planen för " + year + " har ingen version " + version));
    } else if (!versions.isEmpty()) {
      plan = plans.plan(agreementId, year, versions.get(versions.size() - 1)).orElseThrow();
    }
    List<String> changes = List.of();
    if (plan != null && plan.version() > 1) {
      ActionPlan earlier = plans.plan(agreementId, year, plan.version() - 1).orElseThrow();
      changes = PlanChanges.between(earlier, plan);
    }
    return new PlanView(year, plan == null ? null : plan.version(), versions, plans.focusAreas(agreementId, year),
        plans.problems(agreementId, year).stream().map(p -> new ProblemView(p.title(), p.focusArea(),
            p.description())).toList(),
        records.causeAnalyses(agreementId, year).stream().map(CauseAnalysisView::of).toList(),
        plan == null ? List.of() : plan.activities().stream().map(ActivityView::of).toList(),
        plan == null ? List.of() : plan.promises().stream().map(PromiseView::of).toList(), changes);
  }

  @GetMapping("/agreements/{agreementId}/years/{year}/promises")
  @Operation(summary = "Årets medborgarlöften (senaste versionen av planen)")
  List<PromiseView> promises(@PathVariable String tenantId, @PathVariable String agreementId,
      @PathVariable int year) {
    access.agreementYear(tenantId, agreementId, year);
    return plans.latestPlan(agreementId, year).map(p -> p.promises().stream().map(PromiseView::of).toList())
        .orElse(List.of());
  }

  @GetMapping("/agreements/{agreementId}/years/{year}/decisions")
  @Operation(summary = "Styrgruppens beslut, omgång för omgång")
  List<DecisionView> decisions(@PathVariable String tenantId, @PathVariable String agreementId,
      @PathVariable int year) {
    access.agreementYear(tenantId, agreementId, year);
    return plans.decisions(agreementId, year).stream().map(DecisionView::of).toList();
  }
}
