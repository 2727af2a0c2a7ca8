package se.tryggsamverkan.upgrade.engine;

import static se.tryggsamverkan.agreement.engine.AgreementProcess.TASK_MUNICIPAL_EVALUATION;
import static se.tryggsamverkan.agreement.engine.AgreementProcess.TASK_POLICE_EVALUATION;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Agreements and cycles in every kind of wait state, laid out through the engine as coordinators would (each in a
 * municipality of its own: an agreement's years may not overlap another's), a deployment as the application's
 * start makes one, and the drive of any instance to its end. Used by {@link ProcessUpgradeTest} and
 * {@link UpgradeBenchmark}.
 */
final class EveryWaitState {

  /** The models of the release before this one, as its installations run them. */
  static final String PREVIOUS_RELEASE = "classpath:released/2026-11-27/*";
  static final String THIS_RELEASE = "classpath*:bpmn/*";

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final String deploymentName;
  /** The drivers of the municipalities laid out, by tenant id. */
  private final Map<String, CycleDriver> drivers = new HashMap<>();

  EveryWaitState(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    // the name this application's start deploys under: the previous release deployed under it too
    this.deploymentName = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
        .filter(d -> repository.getDeploymentResourceNames(d.getId()).stream().anyMatch(n -> n.endsWith(".bpmn")))
        .findFirst().orElseThrow().getName();
  }

  /**
   * On the previous release: one-year agreements whose cycles wait in each phase, and one agreement of two years
   * whose cycles wait for their start timers. The engine's clock is at 1 February 2027, 08:00 afterwards.
   */
  Map<String, ProcessInstance> layOut(String prefix) {
    Map<String, ProcessInstance> waiting = new LinkedHashMap<>();
    // 2025: one agreement lived to its evaluation, one cycle waiting at its yearly report
    Clock.setTo("2024-01-02T09:00");
    CycleDriver d = municipality("Ale");
    ProcessInstance evaluated = d.startAgreement(prefix + "-evaluation",
        d.municipality().agreementStart("2025-01-01", "2025-12-31", "MUNICIPALITY"));
    ProcessInstance reportCycle = municipality("Alingsås").cycleAtTheSituationPictures(prefix + "-report", 2025);
    d.driveWholeCycle(d.cycle(evaluated, 2025), "Lärdomar 2025");
    waiting.put("agreement at its evaluation", evaluated);
    driveToEnd(reportCycle, TASK_YEARLY_FOLLOW_UP_REPORT);
    waiting.put("yearly report", reportCycle);

    // 2027, planned from 2 January 2026
    Clock.setTo("2026-01-02T09:00");
    waiting.put("situation pictures",
        municipality("Bengtsfors").cycleAtTheSituationPictures(prefix + "-pictures", 2027));
    d = municipality("Bollebygd");
    ProcessInstance merge = d.cycleAtTheSituationPictures(prefix + "-merge", 2027);
    d.completeSituationPictures(merge);
    waiting.put("merge", merge);
    d = municipality("Borås");
    ProcessInstance causes = d.cycleAtTheSituationPictures(prefix + "-causes", 2027);
    d.completeSituationPictures(causes);
    d.completeMerge(causes, "Buskörning vid skolor", "Klotter vid stationen");
    tasks.complete(d.tasks(causes, TASK_CAUSE_ANALYSIS).get(0).getId(), Map.of(CAUSES.name(), "Ingen plats"));
    waiting.put("cause analysis, one of two done", causes);
    waiting.put("action plan", municipality("Dals-Ed").cycleAtTheActionPlan(prefix + "-plan", 2027, "Buskörning"));
    d = municipality("Essunga");
    ProcessInstance prepare = d.cycleAtTheActionPlan(prefix + "-prepare", 2027, "Buskörning");
    d.complete(prepare, TASK_ACTION_PLAN, d.actionPlan(prepare, "Trafikkontroller vid skolor"));
    waiting.put("steering group's preparation", prepare);
    d = municipality("Falköping");
    ProcessInstance returned = d.cycleAtTheSituationPictures(prefix + "-returned", 2027);
    d.driveToSteeringDecision(returned);
    d.decide(returned, TASK_POLICE_STEERING_DECISION, "RETURN", "Ange var kontrollerna ska göras");
    d.decide(returned, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    d.completeActionPlanAndPreparation(returned, "Trafikkontroller vid Åsaskolan");
    d.decide(returned, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    waiting.put("second decision round, the police decided", returned);
    d = municipality("Färgelanda");
    ProcessInstance signing = d.cycleAtTheSituationPictures(prefix + "-signing", 2027);
    d.driveToSteeringDecision(signing);
    d.decide(signing, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    d.decide(signing, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    waiting.put("signing", signing);

    // the implementation year: three activities each, signed on 20 December 2026, followed up until February
    CycleDriver one = municipality("Grästorp");
    ProcessInstance finished = one.signedThreeActivityPlan(prefix + "-one-finished");
    CycleDriver other = municipality("Gullspång");
    ProcessInstance open = other.signedThreeActivityPlan(prefix + "-one-open");
    Clock.setTo("2027-02-01T08:00");
    for (ProcessInstance cycle : List.of(finished, open)) {
      while (one.runDueTimers(cycle) > 0) {
        // a timer may lead to the next one already due
      }
    }
    tasks.complete(followUpOf(finished, "Föräldrabrev").getId(), Map.of(ACTIVITY_STATUS.name(), "COMPLETED",
        STATUS_COMMENT.name(), "Alla tre breven är skickade"));
    waiting.put("implementation, one activity finished", finished);
    waiting.put("implementation, a follow-up open", open);

    // an agreement for 2028-2029: its cycles wait for their start timers (2028's is due, 2029's a year away)
    d = municipality("Götene");
    ProcessInstance next = d.startAgreement(prefix + "-next",
        d.municipality().agreementStart("2028-01-01", "2029-12-31", "MUNICIPALITY"));
    waiting.put("agreement 2028-2029", next);
    waiting.put("agreement 2028-2029, cycle 2028 at its start timer", d.cycle(next, 2028));
    waiting.put("agreement 2028-2029, cycle 2029 at its start timer", d.cycle(next, 2029));
    return waiting;
  }

  /** A new municipality (a tenant with a user per role) and a driver for it. */
  CycleDriver municipality(String name) {
    TestMunicipality municipality = TestMunicipality.create(identity, name);
    CycleDriver driver = new CycleDriver(engine, municipality);
    drivers.put(municipality.tenantId(), driver);
    return driver;
  }

  CycleDriver driverOf(ProcessInstance instance) {
    return drivers.get(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getTenantId());
  }

  /** Does each open task of the instance with the answers its form takes, and runs its timers on their days. */
  void driveToEnd(ProcessInstance instance) {
    driveToEnd(instance, null);
  }

  void driveToEnd(ProcessInstance instance, String stopAt) {
    for (int step = 0; step < 2_000; step++) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
        return;
      }
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
          .filter(t -> !t.getTaskDefinitionKey().equals(TASK_PROPOSE_PLAN_CHANGE)).toList();
      if (stopAt != null && open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(stopAt))) {
        return;
      }
      if (!open.isEmpty()) {
        Task task = open.get(0);
        Map<String, Object> answer = answer(instance, task);
        if (answer != null) {
          tasks.complete(task.getId(), answer);
        }
        continue;
      }
      Job next = management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
          .min(Comparator.comparing(Job::getDuedate)).orElse(null);
      if (next == null) {
        // an agreement waits for its cycles
        List<ProcessInstance> cycles = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
            .list().stream().sorted(Comparator.comparing(ProcessInstance::getBusinessKey)).toList();
        if (cycles.isEmpty()) {
          throw new AssertionError(instance.getBusinessKey() + " waits with nothing to do");
        }
        cycles.forEach(this::driveToEnd);
        continue;
      }
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      management.executeJob(next.getId());
    }
    throw new AssertionError(instance.getBusinessKey() + " did not end");
  }

  private Map<String, Object> answer(ProcessInstance instance, Task task) {
    Object year = runtime.getVariable(task.getExecutionId(), CYCLE_YEAR.name());
    return switch (task.getTaskDefinitionKey()) {
      case TASK_POLICE_SITUATION_PICTURE -> CycleDriver.policeSituationPicture();
      case TASK_MUNICIPAL_SITUATION_PICTURE -> CycleDriver.municipalSituationPicture();
      case TASK_MERGE_AND_PRIORITISE -> {
        driverOf(instance).completeMerge(instance, "Buskörning vid skolor");
        yield null;
      }
      case TASK_CAUSE_ANALYSIS -> Map.of(CAUSES.name(), "Orsaker");
      case TASK_ACTION_PLAN -> driverOf(instance).actionPlan(instance, "Trafikkontroller vid skolor");
      case TASK_PREPARE_STEERING_GROUP -> Map.of("steeringMeetingDate", ((Integer) year - 1) + "-12-15",
          "steeringMeetingPlace", "Stadshuset", "preparationSummary", "Förslag till beslut");
      case TASK_POLICE_STEERING_DECISION, TASK_MUNICIPAL_STEERING_DECISION -> decision("APPROVE");
      case TASK_SIGN_AND_PUBLISH -> Map.of("signedOn", (Integer) year - 1 + "-12-20", "publishedAt",
          "kommunens webbplats");
      case TASK_SCHEDULE_FOLLOW_UP_MEETING -> Map.of("steeringMeetingDate", "2020-06-10", "steeringMeetingPlace",
          "Polisstationen");
      case TASK_HALF_YEAR_FOLLOW_UP -> Map.of(HALF_YEAR_CONCLUSIONS.name(), "Enligt plan");
      case TASK_FOLLOW_UP_ACTIVITY -> CycleDriver.ongoingUntilTheLastFollowUp(task);
      case TASK_YEARLY_FOLLOW_UP_REPORT -> Map.of(YEARLY_REPORT_SUMMARY.name(), "Löftena hölls",
          PRESENTED_TO_BOARD_ON.name(), ((Integer) year + 1) + "-02-20", LESSONS_FOR_NEXT_YEAR.name(), "Lärdomar");
      case TASK_POLICE_EVALUATION, TASK_MUNICIPAL_EVALUATION -> Map.of("evaluation", "Bra samverkan",
          "renewalRecommendation", "RENEW");
      default -> throw new AssertionError("no answer for " + task.getTaskDefinitionKey());
    };
  }

  private static Map<String, Object> decision(String decision) {
    Map<String, Object> v = new HashMap<>();
    v.put(DECISION.name(), decision);
    v.put(DECISION_COMMENT.name(), null);
    return v;
  }

  Task followUpOf(ProcessInstance cycle, String description) {
    return tasks.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(TASK_FOLLOW_UP_ACTIVITY).list()
        .stream()
        .filter(t -> t.getName().contains(description)).findFirst().orElseThrow();
  }

  /** Deploys the models and forms found at the pattern as one deployment, under the application's name. */
  void deploy(String pattern, UnaryOperator<String> change) {
    try {
      DeploymentBuilder deployment = repository.createDeployment().name(deploymentName);
      List<Resource> found = new ArrayList<>();
      for (String ext : List.of(".bpmn", ".form")) {
        found.addAll(Stream.of(new PathMatchingResourcePatternResolver().getResources(pattern))
            .filter(r -> r.getFilename().endsWith(ext) && !r.getFilename().startsWith("reminderSweep")).toList());
      }
      for (Resource r : found) {
        deployment.addString(r.getFilename(), change.apply(r.getContentAsString(StandardCharsets.UTF_8)));
      }
      deployment.deploy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
