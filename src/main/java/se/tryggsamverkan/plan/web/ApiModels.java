package se.tryggsamverkan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.cycle.CauseAnalysis;
import se.tryggsamverkan.plan.Activity;
import se.tryggsamverkan.plan.CitizenPromise;
import se.tryggsamverkan.plan.PlanRepository;

/** What the read API returns. Codes (enum names) for machines, Swedish names for people. */
final class ApiModels {

  private ApiModels() {
  }

  @Schema(description = "En samverkansöverenskommelse")
  record AgreementView(String id, String municipality, String policeArea, LocalDate periodStart,
      LocalDate periodEnd, String policeCoordinator, String municipalCoordinator, String policeSteeringMember,
      String municipalSteeringMember, String firstChair, List<Integer> cycleYears) {

    static AgreementView of(Agreement a) {
      return new AgreementView(a.id(), a.municipality(), a.policeArea(), a.periodStart(), a.periodEnd(),
          a.policeCoordinator(), a.municipalCoordinator(), a.policeSteeringMember(), a.municipalSteeringMember(),
          a.firstChair().name(), a.cycleYears());
    }
  }

  @Schema(description = "Ett år i överenskommelsen: årscykeln som genomförs det året")
  record YearView(int year, List<Integer> planVersions, int decisions, boolean hasSituationPicture) {
  }

  record EntryView(String party, String source, String sourceName, String description, BigDecimal figure,
      String unit) {

    static EntryView of(PlanRepository.PartyEntry e) {
      return new EntryView(e.party().name(), e.entry().source().name(), e.entry().source().swedishName(),
          e.entry().description(), e.entry().figure(), e.entry().unit());
    }
  }

  record PlaceView(String party, String name, String kind, String kindName, String description) {

    static PlaceView of(PlanRepository.PartyPlace p) {
      return new PlaceView(p.party().name(), p.place().name(), p.place().kind().name(),
          p.place().kind().swedishName(), p.place().description());
    }
  }

  @Schema(description = "Partenas lägesbilder: underlag med siffror och platser")
  record SituationView(int year, List<EntryView> entries, List<PlaceView> places) {
  }

  record ProblemView(String title, String focusArea, String description) {
  }

  record CauseAnalysisView(String problem, String causes, String knowledgeSources) {

    static CauseAnalysisView of(CauseAnalysis c) {
      return new CauseAnalysisView(c.problem(), c.causes(), c.knowledgeSources());
    }
  }

  record ActivityView(String focusArea, String description, String expectedEffect, String responsibleParty,
      String responsiblePerson, LocalDate startDate, LocalDate endDate, String indicators,
      String followUpInterval) {

    static ActivityView of(Activity a) {
      return new ActivityView(a.focusArea(), a.description(), a.expectedEffect(), a.responsibleParty().name(),
          a.responsiblePerson(), a.start(), a.end(), a.indicators(), a.followUpInterval().name());
    }
  }

  @Schema(description = "Mätbart mål, t.ex. minst 1 per vecka")
  record TargetView(int count, String period, String text) {
  }

  record PromiseView(String text, String party, TargetView target) {

    static PromiseView of(CitizenPromise p) {
      return new PromiseView(p.text(), p.party().name(), p.target() == null ? null
          : new TargetView(p.target().count(), p.target().period().name(), p.target().swedish()));
    }
  }

  @Schema(description = "En version av årets plan med fokusområden, problem, orsaksanalyser, aktiviteter och löften")
  record PlanView(int year, Integer version, List<Integer> versions, List<String> focusAreas,
      List<ProblemView> problems, List<CauseAnalysisView> causeAnalyses, List<ActivityView> activities,
      List<PromiseView> promises, List<String> changesFromPreviousVersion) {
  }

  record DecisionView(int round, String party, String verdict, String comment, String decidedBy,
      LocalDateTime decidedAt, int planVersion) {

    static DecisionView of(PlanRepository.DecisionRecord d) {
      return new DecisionView(d.round(), d.party().name(), d.verdict(), d.comment(), d.decidedBy(), d.decidedAt(),
          d.planVersion());
    }
  }
}
