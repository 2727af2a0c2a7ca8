package se.tryggsamverkan.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.cycle.PrioritisedProblem;
import se.tryggsamverkan.cycle.ProblemList;
import se.tryggsamverkan.cycle.SteeringDecision;

/**
 * Keeps what coordinators and the steering group enter as the plan's data. Each method checks first and writes
 * after, inside the transaction of the task completion that called it: a refused submit stores nothing.
 */
@Service
@Transactional
public class PlanService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlanRepository plans;
  private final AgreementRepository agreements;
  private final PlanInput input;
  private final ProblemList problemList;

  PlanService(PlanRepository plans, AgreementRepository agreements, PlanInput input, ProblemList problemList) {
    this.plans = plans;
    this.agreements = agreements;
    this.input = input;
    this.problemList = problemList;
  }

  public void recordSituationPicture(String agreementId, int year, Party party, String entriesJson,
      String placesJson, String taskId) {
    plans.saveSituation(agreementId, year, party, input.situationPicture(entriesJson, placesJson), taskId);
  }

  /** Stores the year's focus areas and prioritised problems; a problem's focus area must be one of them. */
  public List<PrioritisedProblem> recordPrioritisation(String agreementId, int year, String focusAreasJson,
      String problemsJson) {
    List<String> focusAreas = input.focusAreas(focusAreasJson);
    List<PrioritisedProblem> problems = problemList.parse(problemsJson);
    for (int i = 0; i < problems.size(); i++) {
      String area = problems.get(i).focusArea();
      if (area != null && focusAreas.stream().noneMatch(f -> f.equalsIgnoreCase(area))) {
        throw InvalidInputException.of("prioritisedProblems[" + i + "].focusArea", "Problem " + (i + 1)
            + ": fokusområdet '" + area + "' finns inte bland årets fokusområden");
      }
    }
    plans.replaceFocusAreas(agreementId, year, focusAreas);
    plans.replaceProblems(agreementId, year, problems.stream()
        .map(p -> new PlanRepository.ProblemRow(p.title(), p.description(), p.focusArea())).toList());
    return problems;
  }

  @Transactional(readOnly = true)
  public List<String> focusAreas(String agreementId, int year) {
    return plans.focusAreas(agreementId, year);
  }

  public record Submission(ActionPlan plan, String summary, String changes) {
  }

  /** Stores a new version of the action plan; from the second version on, says what changed. */
  public Submission submitActionPlan(String agreementId, int year, String activitiesJson, String promisesJson,
      String taskId, String submittedBy) {
    Agreement agreement = agreement(agreementId);
    ActionPlan typed = input.actionPlan(activitiesJson, promisesJson, agreement,
        new LinkedHashSet<>(plans.focusAreas(agreementId, year)));
    Optional<ActionPlan> previous = plans.latestPlan(agreementId, year);
    ActionPlan plan = new ActionPlan(plans.nextVersion(agreementId, year), typed.activities(), typed.promises());
    plans.savePlan(agreementId, year, plan, taskId, submittedBy);
    String changes = previous.map(p -> PlanChanges.describe(p.version(), plan.version(),
        PlanChanges.between(p, plan))).orElse(null);
    return new Submission(plan, summary(plan), changes);
  }

  public void recordDecision(String agreementId, int year, int round, SteeringDecision decision, int planVersion,
      String decidedBy, LocalDateTime when, String taskId) {
    plans.saveDecision(agreementId, year, new PlanRepository.DecisionRecord(round, decision.party(),
        decision.verdict().name(), decision.comment(), decidedBy, when, planVersion), taskId);
  }

  public record CarriedForward(List<String> focusAreas, String focusAreasJson, String activitiesJson,
      String promisesJson) {
  }

  /**
   * What a new cycle starts from: last year's focus areas, the activities of last year's plan that go on into
   * this year, and last year's promises, as the forms' lists; across a renewal, from the municipality's
   * previous agreement.
   */
  @Transactional(readOnly = true)
  public CarriedForward carryForward(String agreementId, int year) {
    List<String> focusAreas = plans.latestFocusAreasBefore(agreementId, year);
    ArrayNode areas = JSON.createArrayNode();
    focusAreas.forEach(name -> areas.addObject().put("name", name));
    ArrayNode activities = JSON.createArrayNode();
    ArrayNode promises = JSON.createArrayNode();
    plans.latestPlanOfMunicipality(agreementId, year - 1).ifPresent(plan -> {
      LocalDate yearStart = LocalDate.of(year, 1, 1);
      plan.activities().stream().filter(a -> !a.end().isBefore(yearStart)).forEach(a -> {
        ObjectNode row = activities.addObject();
        row.put("focusArea", a.focusArea()).put("description", a.description())
            .put("expectedEffect", a.expectedEffect()).put("responsibleParty", a.responsibleParty().name())
            .put("responsiblePerson", a.responsiblePerson()).put("startDate", a.start().toString())
            .put("endDate", a.end().toString()).put("indicators", a.indicators())
            .put("followUpInterval", a.followUpInterval().name());
      });
      plan.promises().forEach(p -> promises.addObject().put("text", p.text()).put("party", p.party().name())
          .put("target", p.target() == null ? "" : p.target().swedish()));
    });
    return new CarriedForward(focusAreas, areas.isEmpty() ? null : areas.toString(),
        activities.isEmpty() ? null : activities.toString(), promises.isEmpty() ? null : promises.toString());
  }

  /** The plan in a few Swedish lines, shown to the steering group and in later forms. */
  public static String summary(ActionPlan plan) {
    StringBuilder text = new StringBuilder("Åtgärdsplan, version ").append(plan.version()).append('\n');
    plan.activities().stream().collect(Collectors.groupingBy(Activity::focusArea, java.util.LinkedHashMap::new,
        Collectors.toList())).forEach((area, activities) -> {
          text.append('\n').append(area).append(":\n");
          activities.forEach(a -> text.append("- ").append(a.description()).append(" (")
              .append(a.responsibleParty().swedishName()).append(", ").append(a.responsiblePerson()).append(", ")
              .append(a.start()).append("–").append(a.end()).append(", uppföljning ")
              .append(a.followUpInterval().swedishName().toLowerCase()).append(")\n"));
        });
    text.append("\nMedborgarlöften:\n");
    plan.promises().forEach(p -> text.append("- ").append(p.party().swedishName()).append(": ").append(p.text())
        .append(p.target() == null ? "" : " [" + p.target().swedish() + "]").append('\n'));
    return text.toString().trim();
  }

  private Agreement agreement(String agreementId) {
    return agreements.findById(agreementId)
        .orElseThrow(() -> new IllegalStateException("No agreement with id " + agreementId));
  }
}
