package se.tryggsamverkan.support;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.followup.FollowUpSchedule;
import se.tryggsamverkan.identity.Role;

/** Moves agreements and cycles forward through the engine API, the way coordinators would in Tasklist. */
public final class CycleDriver {

  /**
   * Night walks (the activity owner, quarterly, all year), parents' letters (the police, monthly, January to March)
   * and a safety walk (the municipality, half-yearly, June to December).
   */
  public static final String THREE_ACTIVITIES = "[" + activity("Nattvandringsutbildning", "ACTIVITY_OWNER",
      "2027-01-01", "2027-12-31", "QUARTERLY") + "," + activity("Föräldrabrev om narkotika", "POLICE_COORDINATOR",
      "2027-01-01", "2027-03-31", "MONTHLY") + "," + activity("Trygghetsvandring i Furulund", "MUNICIPAL_COORDINATOR",
      "2027-06-01", "2027-12-31", "HALF_YEARLY") + "]";
  public static final String TWO_PROMISES = "[{\"text\":\"Polisen genomför trafikkontroller\",\"party\":\"POLICE\","
      + "\"target\":\"minst 1 per vecka\"},{\"text\":\"Ett föräldrabrev skickas\",\"party\":\"BOTH\","
      + "\"target\":\"minst 3 per år\"}]";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final String activityOwner;
  private final TestMunicipality municipality;

  /** An activity row as the plan form submits it; {@code owner} a role whose user {@code %ROLE%} stands for. */
  public static String activity(String description, String owner, String start, String end, String interval) {
    return "{\"focusArea\":\"Trygghet i trafik\",\"description\":\"" + description + "\",\"expectedEffect\":"
        + "\"Tryggare\",\"responsibleParty\":\"BOTH\",\"responsiblePerson\":\"%" + owner + "%\",\"startDate\":\""
        + start + "\",\"endDate\":\"" + end + "\",\"indicators\":\"Antal\",\"followUpInterval\":\"" + interval
        + "\"}";
  }

  /**
   * The cycle 2027 of a new agreement with {@link #THREE_ACTIVITIES} (owners filled in with the municipality's users)
   * and {@link #TWO_PROMISES} approved and signed on 20 December 2026, the clock left there.
   */
  public ProcessInstance signedThreeActivityPlan(String key) {
    Clock.setTo("2026-01-02T09:00");
    ProcessInstance cycle = cycleAtTheActionPlan(key + "-" + municipality.tenantId(), 2027, "Buskörning");
    String activities = THREE_ACTIVITIES;
    for (Role role : Role.values()) {
      activities = activities.replace("%" + role.name() + "%", municipality.user(role));
    }
    completePlan(cycle, activities, TWO_PROMISES);
    Clock.setTo("2026-12-20T10:00");
    approveAndSign(cycle);
    return cycle;
  }

  /** A driver whose plans name the municipality's activity owner as responsible person. */
  public CycleDriver(ProcessEngine engine, TestMunicipality municipality) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.activityOwner = municipality.user(Role.ACTIVITY_OWNER);
    this.municipality = municipality;
  }

  public TestMunicipality municipality() {
    return municipality;
  }

  public ProcessInstance startAgreement(String businessKey, Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(AgreementProcess.KEY, businessKey, variables);
  }

  /**
   * A one-year agreement for {@code year}, started now, with its cycle driven to the action plan: situation
   * pictures, a merge with one problem and its cause analysis.
   */
  public ProcessInstance cycleAtTheActionPlan(String businessKey, int year, String problem) {
    ProcessInstance cycle = cycleAtTheSituationPictures(businessKey, year);
    completeSituationPictures(cycle);
    completeMerge(cycle, problem);
    completeCauseAnalyses(cycle);
    return cycle;
  }

  /**
   * A one-year agreement for {@code year}, started now, with its cycle waiting at the two parties' situation
   * pictures (the police's and the municipality's tasks are open).
   */
  public ProcessInstance cycleAtTheSituationPictures(String businessKey, int year) {
    ProcessInstance cycle = cycle(startAgreement(businessKey, municipality.agreementStart(year + "-01-01",
        year + "-12-31", "MUNICIPALITY")), year);
    runDueTimers(cycle);
    return cycle;
  }

  public ProcessInstance cycle(ProcessInstance agreement, int year) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(agreement.getBusinessKey() + "-" + year).singleResult();
  }

  /** Executes every timer of the instance that is due at the engine's current time. */
  public int runDueTimers(ProcessInstance instance) {
    List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
    due.forEach(job -> management.executeJob(job.getId()));
    return due.size();
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  public void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(instance, taskKey).getId(), variables);
  }

  public static Object json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  public void completeSituationPictures(ProcessInstance cycle) {
    complete(cycle, TASK_POLICE_SITUATION_PICTURE, policeSituationPicture());
    complete(cycle, TASK_MUNICIPAL_SITUATION_PICTURE, municipalSituationPicture());
  }

  /** The police's situation picture as its form submits it: a text and one figure. */
  public static Map<String, Object> policeSituationPicture() {
    return Map.of(SITUATION_PICTURE.name(), "Trafikbrott ökar", SITUATION_ENTRIES.name(), json("[{\"source\":"
        + "\"CRIME_STATISTICS\",\"description\":\"Anmälda trafikbrott\",\"figure\":412,"
        + "\"unit\":\"anmälda brott\"}]"));
  }

  /** The municipality's situation picture as its form submits it: a text and one place. */
  public static Map<String, Object> municipalSituationPicture() {
    return Map.of(SITUATION_PICTURE.name(), "Otrygghet vid Resecentrum", PLACES.name(), json("[{\"name\":"
        + "\"Resecentrum\",\"kind\":\"UNSAFE_PLACE\",\"description\":\"Dålig belysning\"}]"));
  }

  public void completeMerge(ProcessInstance cycle, String... problems) {
    StringBuilder json = new StringBuilder("[");
    for (String problem : problems) {
      json.append(json.length() > 1 ? "," : "").append("{\"title\":\"").append(problem)
          .append("\",\"focusArea\":\"Trygghet i trafik\"}");
    }
    complete(cycle, TASK_MERGE_AND_PRIORITISE, Map.of(JOINT_SITUATION_PICTURE.name(), "Gemensam bild",
        FOCUS_AREAS.name(), json("[{\"name\":\"Trygghet i trafik\"},{\"name\":\"Trygghet i offentlig miljö\"}]"),
        PRIORITISED_PROBLEMS.name(), json(json.append(']').toString())));
  }

  /** One activity in the cycle's year and one promise, as the action-plan form submits them. */
  public Map<String, Object> actionPlan(ProcessInstance cycle, String activity) {
    int year = (Integer) runtime.getVariable(cycle.getId(), CYCLE_YEAR.name());
    return Map.of(ACTIVITIES.name(), json("[{\"focusArea\":\"Trygghet i trafik\",\"description\":\""
            + activity + "\",\"expectedEffect\":\"Färre klagomål\",\"responsibleParty\":\"POLICE\","
            + "\"responsiblePerson\":\"" + activityOwner + "\",\"startDate\":\"" + year + "-01-01\","
            + "\"endDate\":\"" + year + "-12-31\",\"indicators\":\"Antal kontroller\","
            + "\"followUpInterval\":\"QUARTERLY\"}]"),
        PROMISES.name(), json("[{\"text\":\"Polisen genomför trafikkontroller\",\"party\":\"POLICE\","
            + "\"target\":\"minst 1 per vecka\"}]"));
  }

  /** The action plan as the form submits it (Json lists of activities and promises), then the preparation. */
  public void completePlan(ProcessInstance cycle, String activitiesJson, String promisesJson) {
    complete(cycle, TASK_ACTION_PLAN, Map.of(ACTIVITIES.name(), json(activitiesJson), PROMISES.name(),
        json(promisesJson)));
    complete(cycle, TASK_PREPARE_STEERING_GROUP, preparation("Förslag till beslut"));
  }

  /** From the open steering decision to the implementation: both approve and the promises are signed. */
  public void approveAndSign(ProcessInstance cycle) {
    decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    complete(cycle, TASK_SIGN_AND_PUBLISH, Map.of("signedOn", "2025-12-20", "publishedAt", "kommunens webbplats"));
  }

  public void completeCauseAnalyses(ProcessInstance cycle) {
    for (Task task : tasks(cycle, TASK_CAUSE_ANALYSIS)) {
      tasks.complete(task.getId(), Map.of(CAUSES.name(), "Orsaker till " + tasks.getVariable(task.getId(),
          PROBLEM.name())));
    }
  }

  public void completeActionPlanAndPreparation(ProcessInstance cycle, String activity) {
    complete(cycle, TASK_ACTION_PLAN, actionPlan(cycle, activity));
    // the decision meeting in December of the year before the cycle's
    int year = (Integer) runtime.getVariable(cycle.getId(), CYCLE_YEAR.name());
    complete(cycle, TASK_PREPARE_STEERING_GROUP, Map.of("steeringMeetingDate", (year - 1) + "-12-15",
        "steeringMeetingPlace", "Stadshuset", "preparationSummary", "Förslag till beslut"));
  }

  /** The preparation as its form submits it; the meeting is in the past, so nobody is summoned. */
  public static Map<String, Object> preparation(String summary) {
    return Map.of("preparationSummary", summary, "steeringMeetingDate", "2020-12-15", "steeringMeetingPlace",
        "Kommunhuset");
  }

  public void decide(ProcessInstance cycle, String taskKey, String decision, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put(DECISION.name(), decision);
    v.put(DECISION_COMMENT.name(), comment);
    complete(cycle, taskKey, v);
  }

  /** From the situation pictures to the open steering-group decision tasks. */
  public void driveToSteeringDecision(ProcessInstance cycle) {
    completeSituationPictures(cycle);
    completeMerge(cycle, "Buskörning vid skolor");
    completeCauseAnalyses(cycle);
    completeActionPlanAndPreparation(cycle, "Trafikkontroller vid skolor");
  }

  /** From the signing to the end of the cycle, handing over the given lessons. */
  public void driveFromSigningToEnd(ProcessInstance cycle, String lessons) {
    complete(cycle, TASK_SIGN_AND_PUBLISH, Map.of("signedOn", "2025-12-20", "publishedAt", "kommunens webbplats"));
    complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2020-06-10",
        "steeringMeetingPlace", "Polisstationen"));
    complete(cycle, TASK_HALF_YEAR_FOLLOW_UP, Map.of(HALF_YEAR_CONCLUSIONS.name(), "Enligt plan"));
    driveActivityFollowUps(cycle, CycleDriver::ongoingUntilTheLastFollowUp);
    int year = (Integer) runtime.getVariable(cycle.getId(), CYCLE_YEAR.name());
    complete(cycle, TASK_YEARLY_FOLLOW_UP_REPORT, Map.of(YEARLY_REPORT_SUMMARY.name(), "Löftena hölls",
        PRESENTED_TO_BOARD_ON.name(), (year + 1) + "-02-20", LESSONS_FOR_NEXT_YEAR.name(), lessons));
  }

  /**
   * Lets the year pass for the activity follow-ups: runs each follow-up timer at its time (moving the engine's
   * clock forward) and completes each follow-up task with the answer given, until every activity is followed up
   * and the year's window for plan changes has closed.
   */
  public void driveActivityFollowUps(ProcessInstance cycle, Function<Task, Map<String, Object>> answer) {
    for (int step = 0; step < 5_000; step++) {
      List<Task> open = tasks(cycle, TASK_FOLLOW_UP_ACTIVITY);
      if (!open.isEmpty()) {
        open.forEach(task -> tasks.complete(task.getId(), answer.apply(task)));
        continue;
      }
      Job next = Stream.of(TIMER_NEXT_FOLLOW_UP, TIMER_ACTIVITY_OVERDUE, TIMER_PLAN_CHANGES_CLOSE)
          .flatMap(timer -> management.createJobQuery().processInstanceId(cycle.getId()).activityId(timer).list()
              .stream())
          .min(Comparator.comparing(Job::getDuedate)).orElse(null);
      if (next == null) {
        return;
      }
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      management.executeJob(next.getId());
    }
    throw new IllegalStateException("The activity follow-ups did not end");
  }

  /** The day a follow-up task is about (its due date is two weeks later). */
  public static LocalDate followUpDay(Task task) {
    return LocalDate.ofInstant(task.getDueDate().toInstant(), Clock.SWEDEN).minusDays(FollowUpSchedule.DAYS_TO_REPORT);
  }

  /** "Pågående" at every follow-up, "Avslutad" at the last one (the driver's activity ends 31 December). */
  public static Map<String, Object> ongoingUntilTheLastFollowUp(Task task) {
    boolean last = followUpDay(task).getMonthValue() == 12 && followUpDay(task).getDayOfMonth() == 31;
    return Map.of(ACTIVITY_STATUS.name(), last ? "COMPLETED" : "ONGOING",
        STATUS_COMMENT.name(), last ? "Klart enligt plan" : "Pågår enligt plan");
  }

  /** Runs a started cycle from its timer to its end with both parties approving at once. */
  public void driveWholeCycle(ProcessInstance cycle, String lessons) {
    runDueTimers(cycle);
    driveToSteeringDecision(cycle);
    decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    driveFromSigningToEnd(cycle, lessons);
  }
}
