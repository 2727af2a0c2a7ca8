package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.engine.CurrentUser;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.followup.ActivityFollowUp.PlannedActivity;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.plan.Activity;
import se.tryggsamverkan.plan.PlanChange;
import se.tryggsamverkan.plan.PlanChange.Deciders;
import se.tryggsamverkan.plan.PlanChangeDecisions;
import se.tryggsamverkan.plan.PlanInput;
import se.tryggsamverkan.plan.PlanRepository;

/**
 * The steps of {@code SubProcess_PlanChanges} (issue 15), each a method the model names: the coordinators propose a
 * change in {@code Task_ProposePlanChange}, the two parties take their position in
 * {@code Task_PolicePlanChangeDecision} and {@code Task_MunicipalPlanChangeDecision}, {@code Task_SettlePlanChange}
 * records the decision (and an approved change reaches the running year, {@link RunningYearFollowsPlan}), and at
 * the end of the year {@code Task_ClosePlanChanges} lets a change still waiting lapse. What a change may contain and
 * how it is decided is {@link PlanChangeDecisions}'; this class only carries it between the engine and that service.
 */
@Component("planChangeSteps")
public class PlanChangeSteps {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How much of an activity's description its choice in the proposal form shows. */
  private static final int OPTION_LENGTH = 70;

  private final PlanChangeDecisions decisions;
  private final PlanInput input;
  private final PlanRepository plans;
  private final AgreementRepository agreements;
  private final ActivityFollowUp followUp;
  private final Directory directory;
  private final EngineClock clock;

  PlanChangeSteps(PlanChangeDecisions decisions, PlanInput input, PlanRepository plans,
      AgreementRepository agreements, ActivityFollowUp followUp, Directory directory, EngineClock clock) {
    this.decisions = decisions;
    this.input = input;
    this.plans = plans;
    this.agreements = agreements;
    this.followUp = followUp;
    this.directory = directory;
    this.clock = clock;
  }

  /** {@code Task_ProposePlanChange} on create: the approved plan's running activities, to choose from and to read. */
  void prepareProposal(DelegateTask task) {
    List<PlannedActivity> running = followUp.approvedActivities(AGREEMENT_ID.from(task), CYCLE_YEAR.from(task))
        .stream().filter(a -> a.stoppedOn().isEmpty()).toList();
    APPROVED_ACTIVITIES.setLocal(task, json(running.stream()
        .map(a -> Map.of("value", String.valueOf(a.id()), "label", option(a.activity()))).toList()));
    List<PlanRepository.ApprovedPromise> promises = plans.promisesOfApprovedPlan(AGREEMENT_ID.from(task),
        CYCLE_YEAR.from(task));
    APPROVED_PROMISES.setLocal(task, json(promises.stream().map(p -> Map.of("value", String.valueOf(p.id()),
        "label", shortened(p.promise().text()) + (p.promise().target() == null ? "" : " (" + p.promise().target()
            .swedish() + ")"))).toList()));
    String activities = running.isEmpty() ? "Planen har inga pågående aktiviteter."
        : running.stream().map(a -> "- " + label(a.activity()) + "\n  Indikatorer: " + a.activity().indicators()
            + "\n  Uppföljning: " + a.activity().followUpInterval().swedishName())
            .collect(Collectors.joining("\n"));
    APPROVED_PLAN.setLocal(task, "Aktiviteter:\n" + activities + "\n\nMedborgarlöften:\n"
        + (promises.isEmpty() ? "Inga." : promises.stream().map(p -> "- " + p.promise().text() + " ("
            + p.promise().party().swedishName() + (p.promise().target() == null ? ""
            : ", " + p.promise().target().swedish()) + ")").collect(Collectors.joining("\n"))));
  }

  /** {@code Task_ProposePlanChange} on complete: the proposal is checked and kept; refused, the task stays open. */
  void propose(DelegateTask task) {
    String agreementId = AGREEMENT_ID.from(task);
    int year = CYCLE_YEAR.from(task);
    Agreement agreement = agreements.findById(agreementId).orElseThrow();
    List<PlanChange.Row> rows = input.planChange(CHANGED_ACTIVITIES.optionalFrom(task).orElse(null),
        NEW_ACTIVITIES.optionalFrom(task).orElse(null), NEW_PROMISES.optionalFrom(task).orElse(null),
        NEW_TARGETS.optionalFrom(task).orElse(null), agreement,
        new LinkedHashSet<>(plans.focusAreas(agreementId, year)));
    PlanChange change = decisions.propose(agreementId, year, PLAN_CHANGE_REASON.optionalFrom(task).orElse(null),
        rows, who(task));
    PLAN_CHANGE_ID.set(task.getExecution(), change.id());
  }

  /** The candidate group of the police's decision ({@link #deciders}). */
  public String policeDeciders(DelegateExecution execution) {
    return deciders(execution, Party.POLICE);
  }

  /** The candidate group of the municipality's decision ({@link #deciders}). */
  public String municipalDeciders(DelegateExecution execution) {
    return deciders(execution, Party.MUNICIPALITY);
  }

  /** The candidate group of a party's decision: its steering-group member, or its coordinator for a small change. */
  private String deciders(DelegateExecution execution, Party party) {
    PlanChange change = change(execution);
    boolean police = party == Party.POLICE;
    Role role = change.deciders() == Deciders.COORDINATORS
        ? (police ? Role.POLICE_COORDINATOR : Role.MUNICIPAL_COORDINATOR)
        : (police ? Role.POLICE_STEERING : Role.MUNICIPAL_STEERING);
    return role.groupId();
  }

  /** The decision tasks' due date: {@link PlanChangeDecisions#decisionDue}, at the end of that day. */
  public Date decisionDue(DelegateExecution execution) {
    PlanChange change = change(execution);
    return clock.endOfDay(PlanChangeDecisions.decisionDue(change.proposedAt().toLocalDate(), change.year()));
  }

  /** A decision task on create: the change row by row, as the deciders read it against the approved plan. */
  void prepareDecision(DelegateTask task) {
    PlanChange change = change(task.getExecution());
    task.setName(task.getName() + ": " + change.title());
    PLAN_CHANGE_SUMMARY.setLocal(task, summary(change));
  }

  /** A decision task on complete: the party's position, with who took it. */
  void recordPosition(DelegateTask task) {
    Party party = TASK_POLICE_PLAN_CHANGE_DECISION.equals(task.getTaskDefinitionKey()) ? Party.POLICE
        : Party.MUNICIPALITY;
    String verdict = DECISION.optionalFrom(task).orElse("");
    if (!verdict.equals("APPROVE") && !verdict.equals("RETURN")) {
      throw InvalidInputException.of("decision", "Välj om ändringen godkänns eller återremitteras");
    }
    decisions.position(PLAN_CHANGE_ID.from(task), party, verdict.equals("APPROVE"),
        DECISION_COMMENT.optionalFrom(task).orElse(null), who(task));
  }

  /** {@code Task_SettlePlanChange}: both have taken their position; the change is decided, the next may come. */
  void settle(DelegateExecution execution) {
    decisions.settle(PLAN_CHANGE_ID.from(execution));
    PLAN_CHANGE_ID.set(execution, null);
  }

  /** {@code Timer_PlanChangesClose}: the start of the day after the implementation year's last day. */
  public Date windowCloses(DelegateExecution execution) {
    return clock.startOfDay(PlanChangeDecisions.lastDayForChanges(CYCLE_YEAR.from(execution)).plusDays(1));
  }

  /** {@code Task_ClosePlanChanges}: a change still waiting lapses. */
  void lapse(DelegateExecution execution) {
    decisions.lapse(AGREEMENT_ID.from(execution), CYCLE_YEAR.from(execution));
  }

  /** Who completes the task; a task completed by no one known (an engine script, not a user) is marked so. */
  private static String who(DelegateTask task) {
    return java.util.Objects.requireNonNullElse(CurrentUser.of(task), "okänd");
  }

  /** The proposal as the decision form shows it. */
  private String summary(PlanChange change) {
    return change.title() + ", föreslagen av " + directory.displayName(change.proposedBy()) + "\n"
        + "Beslutas av: " + change.deciders().swedishName().toLowerCase(java.util.Locale.ROOT) + "\n\n"
        + "Skäl: " + change.reason() + "\n\n"
        + change.rows().stream().map(r -> "- " + r.swedish(directory::displayName)).collect(Collectors.joining("\n"));
  }

  private PlanChange change(DelegateExecution execution) {
    return decisions.find(PLAN_CHANGE_ID.from(execution)).orElseThrow();
  }

  /** An activity as a choice: short enough for one line of the drop-down, with its period to tell twins apart. */
  private static String option(Activity a) {
    return shortened(a.description()) + " (" + a.start() + "–" + a.end() + ")";
  }

  private static String shortened(String text) {
    return text.length() > OPTION_LENGTH ? text.substring(0, OPTION_LENGTH - 1) + "…" : text;
  }

  private String label(Activity a) {
    return a.description() + " (" + a.start() + "–" + a.end() + ", " + directory.displayName(a.responsiblePerson())
        + ")";
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the activity options", e);
    }
  }

  /** {@code Task_ProposePlanChange}: the choices on create, the proposal on complete. */
  @Component("proposePlanChangeListener")
  static class ProposeListener implements TaskListener {
    private final PlanChangeSteps steps;

    ProposeListener(PlanChangeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        steps.prepareProposal(task);
      } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
        steps.propose(task);
      }
    }
  }

  /** The two decision tasks: the change to read on create, the party's position on complete. */
  @Component("planChangeDecisionListener")
  static class DecisionListener implements TaskListener {
    private final PlanChangeSteps steps;

    DecisionListener(PlanChangeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        steps.prepareDecision(task);
      } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
        steps.recordPosition(task);
      }
    }
  }

  /** {@code Task_SettlePlanChange}. */
  @Component("settlePlanChangeDelegate")
  static class SettleDelegate implements JavaDelegate {
    private final PlanChangeSteps steps;

    SettleDelegate(PlanChangeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.settle(execution);
    }
  }

  /** {@code Task_ClosePlanChanges}. */
  @Component("closePlanChangesDelegate")
  static class CloseDelegate implements JavaDelegate {
    private final PlanChangeSteps steps;

    CloseDelegate(PlanChangeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.lapse(execution);
    }
  }
}
