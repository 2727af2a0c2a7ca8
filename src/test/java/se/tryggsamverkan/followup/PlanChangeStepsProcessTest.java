package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.overview.OverviewService;
import se.tryggsamverkan.report.ReportRenderer;
import se.tryggsamverkan.report.YearlyReports;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.plan.PlanChange;
import se.tryggsamverkan.plan.PlanChange.Deciders;
import se.tryggsamverkan.plan.PlanChange.Status;
import se.tryggsamverkan.plan.PlanChangeDecisions;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Issue 15 as the users go through it: the coordinators' standing task "Föreslå ändring av planen" in
 * {@code SubProcess_PlanChanges}, the two parties' decision tasks, the decision reaching the running year, the next
 * proposal, the coordinators deciding small changes when the agreement lets them, and the end of the year. Every
 * step completes the engine's tasks with what the forms submit; the clock is set, never read.
 */
@PostgresProcessTest
class PlanChangeStepsProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired PlanChangeDecisions decisions;
  @Autowired ActivityFollowUp followUp;
  @Autowired YearlyReports reports;
  @Autowired ReportRenderer renderer;
  @Autowired AgreementRepository agreements;
  @Autowired OverviewService overview;
  @Autowired PromiseFollowUp promises;
  @Autowired se.tryggsamverkan.plan.PlanRepository plans;

  TaskService tasks;
  TestMunicipality kb;
  CycleDriver driver;
  ProcessInstance cycle;
  String agreementId;

  @BeforeEach
  void aSignedPlanFor2027() {
    tasks = engine.getTaskService();
    SignedYear year = SignedYear.inFebruary2027(engine, identity, "Kungälv", "steps");
    kb = year.municipality();
    driver = year.driver();
    cycle = year.cycle();
    agreementId = year.agreementId();
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void theCoordinatorsProposeTheSteeringGroupApprovesAndTheYearFollows() {
    Task propose = driver.task(cycle, TASK_PROPOSE_PLAN_CHANGE);
    assertThat(propose.getDueDate()).as("open all year, nothing to remind of").isNull();
    assertThat(groups(propose)).containsExactlyInAnyOrder("police-coordinator", "municipal-coordinator");
    String options = String.valueOf(tasks.getVariable(propose.getId(), APPROVED_ACTIVITIES.name()));
    assertThat(options).contains("Föräldrabrev om narkotika (2027-01-01–2027-03-31",
        "Nattvandringsutbildning", "Trygghetsvandring i Furulund");
    long letters = activityId("Föräldrabrev");
    long walks = activityId("Nattvandring");
    long tour = activityId("Trygghetsvandring");

    Clock.setTo("2027-02-03T10:00");
    tasks.claim(propose.getId(), kb.user(Role.MUNICIPAL_COORDINATOR));
    tasks.complete(propose.getId(), Map.of(
        PLAN_CHANGE_REASON.name(), "Skjutningen i Kvarnkullen i januari",
        CHANGED_ACTIVITIES.name(), CycleDriver.json("["
            + "{\"activityId\":\"" + letters + "\",\"kind\":\"STOP\"},"
            + "{\"activityId\":\"" + walks + "\",\"kind\":\"MOVE\",\"newStartDate\":\"2027-04-01\","
            + "\"newEndDate\":\"2027-10-31\"},"
            + "{\"activityId\":\"" + tour + "\",\"kind\":\"REVISE\",\"newInterval\":\"MONTHLY\"}]"),
        NEW_ACTIVITIES.name(), CycleDriver.json("[" + ActivityFollowUpProcessTest.activity("Kameror i Kvarnkullen",
            "ACTIVITY_OWNER", "2027-03-01", "2027-09-30", "MONTHLY").replace("%ACTIVITY_OWNER%",
            kb.user(Role.ACTIVITY_OWNER)) + "]")));

    List<Task> deciding = decisionTasks();
    assertThat(deciding).extracting(Task::getName).containsExactlyInAnyOrder(
        "Beslut om ändring av planen: polisen: Ändring 1 (2027-02-03)",
        "Beslut om ändring av planen: kommunen: Ändring 1 (2027-02-03)");
    assertThat(deciding).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(Clock.endOf("2027-02-17")));
    assertThat(groups(byKey(deciding, TASK_POLICE_PLAN_CHANGE_DECISION))).containsExactly("police-steering");
    assertThat(groups(byKey(deciding, TASK_MUNICIPAL_PLAN_CHANGE_DECISION))).containsExactly("municipal-steering");
    assertThat(String.valueOf(tasks.getVariable(deciding.get(0).getId(), PLAN_CHANGE_SUMMARY.name()))).contains(
        "Skäl: Skjutningen i Kvarnkullen i januari", "- Stoppas: Föräldrabrev om narkotika",
        "- Nya datum: Nattvandringsutbildning (2027-04-01–2027-10-31)",
        "- Ny uppföljning: Trygghetsvandring i Furulund (intervall: varje månad)",
        "- Ny aktivitet: Kameror i Kvarnkullen (2027-03-01–2027-09-30");
    assertThat(driver.tasks(cycle, TASK_PROPOSE_PLAN_CHANGE)).as("one change at a time").isEmpty();

    Clock.setTo("2027-02-10T15:00");
    decide(TASK_POLICE_PLAN_CHANGE_DECISION, kb.user(Role.POLICE_STEERING), "APPROVE", null);
    assertThat(followUp.activity(letters).stoppedOn()).as("nothing changes before both decided").isEmpty();
    decide(TASK_MUNICIPAL_PLAN_CHANGE_DECISION, kb.user(Role.MUNICIPAL_STEERING), "APPROVE", "Bra");

    PlanChange decided = decisions.ofYear(agreementId, 2027).get(0);
    assertThat(decided.status()).isEqualTo(Status.APPROVED);
    assertThat(decided.deciders()).isEqualTo(Deciders.STEERING_GROUP);
    assertThat(decided.proposedBy()).isEqualTo(kb.user(Role.MUNICIPAL_COORDINATOR));
    assertThat(decided.decisions()).extracting(d -> d.party() + " " + d.decidedBy()).containsExactlyInAnyOrder(
        "POLICE " + kb.user(Role.POLICE_STEERING), "MUNICIPALITY " + kb.user(Role.MUNICIPAL_STEERING));
    assertThat(followUp.activity(letters).stoppedOn()).isPresent();
    assertThat(followUp.activity(walks).activity().end()).hasToString("2027-10-31");
    assertThat(followUp.activity(tour).activity().followUpInterval().name()).isEqualTo("MONTHLY");
    assertThat(followUp.approvedActivities(agreementId, 2027)).extracting(a -> a.activity().description())
        .contains("Kameror i Kvarnkullen");
    assertThat(driver.tasks(cycle, TASK_FOLLOW_UP_ACTIVITY)).extracting(Task::getName)
        .as("the stopped activity's open follow-up is gone").doesNotContain("Följ upp: Föräldrabrev om narkotika");
    Task next = driver.task(cycle, TASK_PROPOSE_PLAN_CHANGE);
    assertThat(next).as("the next change can be proposed").isNotNull();
    assertThat(String.valueOf(tasks.getVariable(next.getId(), APPROVED_ACTIVITIES.name())))
        .contains("Kameror i Kvarnkullen").doesNotContain("Föräldrabrev");

    OverviewService.MunicipalityOverview page = overview.municipality(kb.tenantId(), 2027,
        java.time.ZonedDateTime.of(2027, 2, 10, 16, 0, 0, 0, Clock.SWEDEN)).orElseThrow();
    assertThat(page.planChanges()).extracting(PlanChange::number, PlanChange::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Status.APPROVED));
    assertThat(page.changesOf(walks)).containsExactly("Nya datum 2027-04-01–2027-10-31 genom ändring 1 (2027-02-10)");
    long cameras = followUp.approvedActivities(agreementId, 2027).stream()
        .filter(a -> a.activity().description().equals("Kameror i Kvarnkullen")).findFirst().orElseThrow().id();
    assertThat(page.changesOf(cameras)).containsExactly("Tillagd genom ändring 1 (2027-02-10)");
    assertThat(page.changesOf(letters)).containsExactly("Stoppad genom ändring 1 (2027-02-10)");

    assertThat(reportText()).contains("Ändringar av planen under året", "Ändring 1, föreslagen 2027-02-03",
        "Godkänd 2027-02-10 av styrgruppen", "Skjutningen i Kvarnkullen i januari",
        "Stoppas: Föräldrabrev om narkotika", "Ny aktivitet: Kameror i Kvarnkullen", "Polisen godkände ändringen.",
        "Kommunen godkände ändringen.", "Bra");
  }

  /** The yearly report's HTML as it would be drafted today, as text. */
  private String reportText() {
    java.time.LocalDateTime now = java.time.LocalDateTime.of(2027, 2, 10, 16, 0);
    String html = renderer.html(reports.build(agreements.findById(agreementId).orElseThrow(), 2027,
        new YearlyReports.Texts(null, null, null, null), true, now.toLocalDate(), now));
    return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
  }

  @Test
  void aReturnChangesNothingAndARefusedProposalLeavesTheTaskOpenWithAllThatWasTyped() {
    long letters = activityId("Föräldrabrev");
    Task propose = driver.task(cycle, TASK_PROPOSE_PLAN_CHANGE);

    assertThatThrownBy(() -> tasks.complete(propose.getId(), Map.of(PLAN_CHANGE_REASON.name(), " ")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("Skäl till ändringen måste fyllas i")
        .hasMessageContaining("Ange minst en ändring");
    assertThatThrownBy(() -> tasks.complete(propose.getId(), Map.of(PLAN_CHANGE_REASON.name(), "Inbrott",
        CHANGED_ACTIVITIES.name(), CycleDriver.json("[{\"activityId\":\"999999999\",\"kind\":\"STOP\"},"
            + "{\"activityId\":\"" + letters + "\",\"kind\":\"MOVE\",\"newStartDate\":\"2027-02-01\"},"
            + "{\"activityId\":\"" + letters + "\",\"kind\":\"ADD\"}]"))))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Ändrad aktivitet 2: Nytt slutdatum måste fyllas i")
        .hasMessageContaining("Ändrad aktivitet 3: Nya aktiviteter läggs till under Nya aktiviteter");
    assertThatThrownBy(() -> tasks.complete(propose.getId(), Map.of(PLAN_CHANGE_REASON.name(), "Inbrott",
        CHANGED_ACTIVITIES.name(), CycleDriver.json("[{\"activityId\":\"999999999\",\"kind\":\"STOP\"}]"))))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Aktiviteten finns inte i årets beslutade plan");
    assertThat(driver.task(cycle, TASK_PROPOSE_PLAN_CHANGE).getId()).isEqualTo(propose.getId());
    assertThat(decisions.ofYear(agreementId, 2027)).isEmpty();

    propose(kb.user(Role.POLICE_COORDINATOR), Map.of(PLAN_CHANGE_REASON.name(), "Breven räcker",
        CHANGED_ACTIVITIES.name(), CycleDriver.json("[{\"activityId\":\"" + letters + "\",\"kind\":\"STOP\"}]")));
    assertThatThrownBy(() -> decide(TASK_POLICE_PLAN_CHANGE_DECISION, kb.user(Role.POLICE_STEERING), "RETURN", " "))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("Skriv varför ändringen återremitteras");
    decide(TASK_POLICE_PLAN_CHANGE_DECISION, kb.user(Role.POLICE_STEERING), "RETURN", "Breven behövs");
    decide(TASK_MUNICIPAL_PLAN_CHANGE_DECISION, kb.user(Role.MUNICIPAL_STEERING), "APPROVE", null);

    assertThat(decisions.ofYear(agreementId, 2027)).extracting(PlanChange::status).containsExactly(Status.RETURNED);
    assertThat(followUp.activity(letters).stoppedOn()).isEmpty();
    assertThat(driver.tasks(cycle, TASK_FOLLOW_UP_ACTIVITY)).extracting(Task::getName)
        .contains("Följ upp: Föräldrabrev om narkotika");
    assertThat(driver.task(cycle, TASK_PROPOSE_PLAN_CHANGE)).isNotNull();
  }

  @Test
  void whenTheAgreementSaysSoTheCoordinatorsDecideSmallChangesButNeverANewOrStoppedActivity() {
    jdbc.sql("update agreement set small_changes_by_coordinators = true where id = :id").param("id", agreementId)
        .update();
    long walks = activityId("Nattvandring");
    long letters = activityId("Föräldrabrev");

    propose(kb.user(Role.POLICE_COORDINATOR), Map.of(PLAN_CHANGE_REASON.name(),
        "Ny kommunpolis", CHANGED_ACTIVITIES.name(), CycleDriver.json("[{\"activityId\":\"" + walks
            + "\",\"kind\":\"REASSIGN\",\"newPerson\":\"" + kb.user(Role.POLICE_COORDINATOR) + "\"}]")));
    assertThat(groups(byKey(decisionTasks(), TASK_POLICE_PLAN_CHANGE_DECISION))).containsExactly("police-coordinator");
    assertThat(groups(byKey(decisionTasks(), TASK_MUNICIPAL_PLAN_CHANGE_DECISION)))
        .containsExactly("municipal-coordinator");
    decide(TASK_POLICE_PLAN_CHANGE_DECISION, kb.user(Role.POLICE_COORDINATOR), "APPROVE", null);
    decide(TASK_MUNICIPAL_PLAN_CHANGE_DECISION, kb.user(Role.MUNICIPAL_COORDINATOR), "APPROVE", null);
    assertThat(decisions.ofYear(agreementId, 2027).get(0).deciders()).isEqualTo(Deciders.COORDINATORS);
    assertThat(followUp.activity(walks).activity().responsiblePerson()).isEqualTo(kb.user(Role.POLICE_COORDINATOR));

    propose(kb.user(Role.POLICE_COORDINATOR), Map.of(PLAN_CHANGE_REASON.name(),
        "Breven räcker", CHANGED_ACTIVITIES.name(), CycleDriver.json("[{\"activityId\":\"" + walks
            + "\",\"kind\":\"MOVE\",\"newStartDate\":\"2027-01-01\",\"newEndDate\":\"2027-11-30\"},"
            + "{\"activityId\":\"" + letters + "\",\"kind\":\"STOP\"}]")));
    assertThat(groups(byKey(decisionTasks(), TASK_POLICE_PLAN_CHANGE_DECISION))).containsExactly("police-steering");
    assertThat(decisions.ofYear(agreementId, 2027).get(1).deciders()).isEqualTo(Deciders.STEERING_GROUP);
  }

  /** "A promise is sharpened at the half-year meeting", and one is added after an incident. */
  @Test
  void aChangeAddsAPromiseCountedFromItsApprovalAndGivesAnotherASharperTarget() {
    var approved = plans.promisesOfApprovedPlan(agreementId, 2027);
    long letterPromise = approved.stream().filter(p -> p.promise().text().startsWith("Ett föräldrabrev"))
        .findFirst().orElseThrow().id();
    String fridays = "Polisen är på plats vid Kvarnkullen varje fredagskväll";
    Clock.setTo("2027-06-01T10:00");
    Task propose = driver.task(cycle, TASK_PROPOSE_PLAN_CHANGE);
    assertThat(String.valueOf(tasks.getVariable(propose.getId(), APPROVED_PROMISES.name())))
        .contains("Ett föräldrabrev skickas (minst 3 per år)");

    assertThatThrownBy(() -> propose(kb.user(Role.POLICE_COORDINATOR), Map.of(PLAN_CHANGE_REASON.name(), "Skärpning",
        NEW_PROMISES.name(), CycleDriver.json("[{\"text\":\"ett föräldrabrev skickas\",\"party\":\"BOTH\"}]"),
        NEW_TARGETS.name(), CycleDriver.json("[{\"promiseId\":\"" + letterPromise + "\",\"target\":\"ibland\"},"
            + "{\"promiseId\":\"999999999\",\"target\":\"minst 1 per år\"}]"))))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("Nytt mål 1: ");
    assertThatThrownBy(() -> propose(kb.user(Role.POLICE_COORDINATOR), Map.of(PLAN_CHANGE_REASON.name(), "Skärpning",
        NEW_PROMISES.name(), CycleDriver.json("[{\"text\":\"ett föräldrabrev skickas\",\"party\":\"BOTH\"}]"),
        NEW_TARGETS.name(), CycleDriver.json("[{\"promiseId\":\"999999999\",\"target\":\"minst 1 per år\"}]"))))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Löftet finns redan i årets plan")
        .hasMessageContaining("Löftet finns inte i årets beslutade plan");

    propose(kb.user(Role.POLICE_COORDINATOR), Map.of(PLAN_CHANGE_REASON.name(), "Halvårsmötet skärper löftena",
        NEW_PROMISES.name(), CycleDriver.json("[{\"text\":\"" + fridays + "\",\"party\":\"POLICE\","
            + "\"target\":\"minst 1 per vecka\"}]"),
        NEW_TARGETS.name(), CycleDriver.json("[{\"promiseId\":\"" + letterPromise + "\",\"target\":\"minst 4 per år\"}]")));
    assertThat(String.valueOf(tasks.getVariable(decisionTasks().get(0).getId(), PLAN_CHANGE_SUMMARY.name())))
        .contains("- Nytt medborgarlöfte: " + fridays + " (Polisen, minst 1 per vecka)",
            "- Nytt mål för medborgarlöftet: Ett föräldrabrev skickas (minst 4 per år)");
    Clock.setTo("2027-06-03T15:00");
    decide(TASK_POLICE_PLAN_CHANGE_DECISION, kb.user(Role.POLICE_STEERING), "APPROVE", null);
    decide(TASK_MUNICIPAL_PLAN_CHANGE_DECISION, kb.user(Role.MUNICIPAL_STEERING), "APPROVE", null);

    LocalDate today = LocalDate.of(2027, 6, 24);
    var statuses = promises.statuses(agreements.findById(agreementId).orElseThrow(), 2027, today);
    assertThat(statuses).extracting(p -> p.index() + ". " + p.promise().text() + " (" + p.promise().target()
        .swedish() + ")").containsExactly("1. Polisen genomför trafikkontroller (minst 1 per vecka)",
            "2. Ett föräldrabrev skickas (minst 4 per år)", "3. " + fridays + " (minst 1 per vecka)");
    PromiseProgress.Result fromApproval = statuses.get(2).progress();
    assertThat(fromApproval.expectedSoFar()).as("counted from 3 June, not from 1 January").isEqualTo(
        PromiseProgress.of(statuses.get(2).promise().target(), LocalDate.of(2027, 6, 3), LocalDate.of(2027, 12, 31),
            List.of(), today).expectedSoFar())
        .isLessThan(statuses.get(0).progress().expectedSoFar());
    assertThat(decisions.ofYear(agreementId, 2027).get(0).rows()).extracting(r -> r.kind() + " " + r.promiseId())
        .as("the added promise's row id is kept with the change")
        .containsExactly("ADD_PROMISE " + plans.promisesOfApprovedPlan(agreementId, 2027).get(2).id(),
            "RETARGET_PROMISE " + letterPromise);
  }

  @Test
  void aChangeStillWaitingAtTheEndOfTheYearLapsesAndTheYearlyReportFollows() {
    long letters = activityId("Föräldrabrev");
    Clock.setTo("2027-12-20T10:00");
    propose(kb.user(Role.POLICE_COORDINATOR), Map.of(PLAN_CHANGE_REASON.name(),
        "Sent förslag", CHANGED_ACTIVITIES.name(), CycleDriver.json("[{\"activityId\":\"" + letters
            + "\",\"kind\":\"STOP\"}]")));
    assertThat(decisionTasks()).allSatisfy(t -> assertThat(t.getDueDate())
        .as("never due after the year's last day").isEqualTo(Clock.endOf("2027-12-31")));
    Job close = engine.getManagementService().createJobQuery().processInstanceId(cycle.getId())
        .activityId(TIMER_PLAN_CHANGES_CLOSE).singleResult();
    assertThat(close.getDuedate()).isEqualTo(Clock.startOf("2028-01-01"));

    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2027-06-10",
        "steeringMeetingPlace", "Polisstationen"));
    driver.complete(cycle, TASK_HALF_YEAR_FOLLOW_UP, Map.of(HALF_YEAR_CONCLUSIONS.name(), "Enligt plan"));
    driver.driveActivityFollowUps(cycle, CycleDriver::ongoingUntilTheLastFollowUp);

    assertThat(decisions.ofYear(agreementId, 2027)).extracting(PlanChange::status).containsExactly(Status.LAPSED);
    assertThat(decisionTasks()).isEmpty();
    assertThat(driver.tasks(cycle, TASK_PROPOSE_PLAN_CHANGE)).isEmpty();
    assertThat(driver.task(cycle, TASK_YEARLY_FOLLOW_UP_REPORT)).isNotNull();
    assertThat(reportText()).contains("Ändring 1, föreslagen 2027-12-20", "Inte beslutad före årets slut",
        "Stoppas: Föräldrabrev om narkotika");
    assertThatThrownBy(() -> decisions.propose(agreementId, 2027, "För sent", List.of(PlanChange.Row.stop(letters)),
        kb.user(Role.POLICE_COORDINATOR))).hasMessageContaining("Året 2027 är slut");
  }

  /** The coordinator completes the standing task with what the form submits. */
  private void propose(String user, Map<String, Object> form) {
    Task task = driver.task(cycle, TASK_PROPOSE_PLAN_CHANGE);
    tasks.setAssignee(task.getId(), user);
    tasks.complete(task.getId(), form);
  }

  private void decide(String taskKey, String user, String decision, String comment) {
    Task task = byKey(decisionTasks(), taskKey);
    tasks.claim(task.getId(), user);
    Map<String, Object> v = new java.util.HashMap<>();
    v.put(DECISION.name(), decision);
    v.put(DECISION_COMMENT.name(), comment);
    tasks.complete(task.getId(), v);
  }

  private List<Task> decisionTasks() {
    return tasks.createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKeyIn(TASK_POLICE_PLAN_CHANGE_DECISION, TASK_MUNICIPAL_PLAN_CHANGE_DECISION).list();
  }

  private static Task byKey(List<Task> list, String key) {
    return list.stream().filter(t -> t.getTaskDefinitionKey().equals(key)).findFirst().orElseThrow();
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }

  private long activityId(String prefix) {
    return followUp.approvedActivities(agreementId, 2027).stream()
        .filter(a -> a.activity().description().startsWith(prefix)).findFirst().orElseThrow().id();
  }
}
