package se.tryggsamverkan.upgrade.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.cycle.engine.YearlyCycleProcess;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.SweepDriver;
import se.tryggsamverkan.support.TestAdministrator;
import se.tryggsamverkan.support.TestMunicipality;
import se.tryggsamverkan.upgrade.UpgradeRefusal;
import se.tryggsamverkan.upgrade.UpgradeReport;

/**
 * An upgrade as an installation lives it (issue 19): agreements and cycles started on the previous released model
 * (kept under {@code released/}) and left in every kind of wait state, then this release's models deployed as a
 * start deploys them, the running instances migrated, and each driven to its end. Real PostgreSQL, the engine's
 * clock moved by the test; the migration at start is off so that the test chooses the moment.
 */
@PostgresProcessTest
@TestPropertySource(properties = "trygg.upgrade.migrate-at-start=false")
class ProcessUpgradeTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessMigration migration;

  RepositoryService repository;
  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;
  HistoryService history;
  EveryWaitState scenario;

  @BeforeEach
  void thePreviousReleaseIsDeployed() {
    repository = engine.getRepositoryService();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    history = engine.getHistoryService();
    scenario = new EveryWaitState(engine);
    scenario.deploy(EveryWaitState.PREVIOUS_RELEASE, UnaryOperator.identity());
  }

  @AfterEach
  void thisReleaseIsNewestAgain() {
    Clock.reset();
    scenario.deploy(EveryWaitState.THIS_RELEASE, UnaryOperator.identity());
    migration.migrateRunningInstances();
  }

  @Test
  void anUpgradeMovesEveryWaitingAgreementAndCycleAndEachRunsToItsEnd() throws Exception {
    Map<String, ProcessInstance> waiting = scenario.layOut("up");
    // what the previous release's code wrote on each follow-up task as it was created (ADR 12 stopped that)
    Task stale = scenario.followUpOf(waiting.get("implementation, a follow-up open"), "Föräldrabrev");
    tasks.setVariablesLocal(stale.getId(), Map.of(ACTIVITY_DESCRIPTION.name(), "Föräldrabrev (som planen löd förut)",
        ACTIVITY_DETAILS.name(), "Ansvarig: någon annan", CURRENT_STATUS.name(), "Pågående",
        PREVIOUS_REPORT.name(), "Ingen rapport ännu.", PROMISE_OPTIONS.name(), "[]"));
    String previousCycle = definitionOf(waiting.get("situation pictures")).getId();
    Map<String, Set<String>> tasksBefore = openTasks();
    Map<String, Set<String>> timersBefore = timers();
    ProcessInstance cycle2029 = waiting.get("agreement 2028-2029, cycle 2029 at its start timer");
    Date cycle2029StartsOn = timerOf(cycle2029);

    scenario.deploy(EveryWaitState.THIS_RELEASE, UnaryOperator.identity());
    ProcessDefinition newest = newest(YearlyCycleProcess.KEY);
    assertThat(newest.getId()).isNotEqualTo(previousCycle);
    UpgradeReport report = migration.migrateRunningInstances();

    long running = runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count()
        + runtime.createProcessInstanceQuery().processDefinitionKey(YearlyCycleProcess.KEY).count();
    assertThat(report.refused()).isEmpty();
    assertThat(report.migrated()).as("every running agreement and cycle moved").isEqualTo(running);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(YearlyCycleProcess.KEY).list())
        .allSatisfy(i -> assertThat(i.getProcessDefinitionId()).isEqualTo(newest.getId()));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).list())
        .allSatisfy(i -> assertThat(i.getProcessDefinitionId()).isEqualTo(newest(AgreementProcess.KEY).getId()));
    assertThat(openTasks()).as("the same tasks, none lost or added").isEqualTo(tasksBefore);
    assertThat(timers()).as("the same timers on the same dates").isEqualTo(timersBefore);
    assertThat(tasks.getVariablesLocal(stale.getId())).as("what the form now reads is no longer stored on the task")
        .doesNotContainKeys(ACTIVITY_DESCRIPTION.name(), ACTIVITY_DETAILS.name(), CURRENT_STATUS.name(),
            PREVIOUS_REPORT.name(), PROMISE_OPTIONS.name());
    assertThat(engine.getFormService().getTaskFormVariables(stale.getId()).get(ACTIVITY_DESCRIPTION.name()))
        .as("the form shows the plan as it is").isEqualTo("Föräldrabrev om narkotika");
    // and the form Tasklist opens for it is this release's (it changed since: ADR 12), from the new deployment
    try (InputStream form = engine.getFormService().getDeployedTaskForm(stale.getId());
        InputStream released = new ClassPathResource("bpmn/activityFollowUp.form").getInputStream();
        InputStream previous = new ClassPathResource("released/2026-11-27/activityFollowUp.form").getInputStream()) {
      String opened = new String(form.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(opened).isEqualTo(new String(released.readAllBytes(), StandardCharsets.UTF_8))
          .isNotEqualTo(new String(previous.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(scenario.driverOf(cycle2029).runDueTimers(cycle2029)).as("2029's planning waits for 2 January 2028")
        .isZero();
    assertThat(migration.migrateRunningInstances()).as("a second run finds nothing to move")
        .satisfies(again -> assertThat(again.migrated()).isZero())
        .satisfies(again -> assertThat(again.alreadyCurrent()).isEqualTo((int) running));

    // the reminder sweep finds the migrated tasks: the situation picture due in 2026 is overdue
    ProcessInstance pictures = waiting.get("situation pictures");
    String overdue = scenario.driverOf(pictures).task(pictures, TASK_POLICE_SITUATION_PICTURE).getId();
    assertThat(new SweepDriver(engine).sweep()).isEmpty();
    assertThat(jdbc.sql("select count(*) from mail_outbox where task_id = :t").param("t", overdue)
        .query(Integer.class).single()).as("a reminder or escalation for a migrated task").isPositive();

    // an activity follow-up waiting in the migrated multi-instance: its answer is the activity's own
    ProcessInstance open = waiting.get("implementation, a follow-up open");
    TestMunicipality late = scenario.driverOf(open).municipality();
    String finishedTenant = scenario.driverOf(waiting.get("implementation, one activity finished")).municipality()
        .tenantId();
    Task parentsLetter = scenario.followUpOf(open, "Föräldrabrev");
    tasks.complete(parentsLetter.getId(), Map.of(ACTIVITY_STATUS.name(), "ONGOING", STATUS_COMMENT.name(),
        "Första brevet är skickat"));
    assertThat(jdbc.sql("""
        select r.comment from activity_report r join activity a on a.id = r.activity_id
        where a.description like 'Föräldrabrev%' and r.task_id = :t""").param("t", parentsLetter.getId())
        .query(String.class).list()).containsExactly("Första brevet är skickat");

    // and the next follow-up of another activity in that cycle opens empty, not with the letters' answer
    ProcessInstance finishedOne = waiting.get("implementation, one activity finished");
    Clock.setTo("2027-04-01T08:00");
    while (scenario.driverOf(finishedOne).runDueTimers(finishedOne) > 0) {
      // the quarterly night walks' follow-up is due on 1 April
    }
    tasks.complete(scenario.followUpOf(finishedOne, "Nattvandring").getId(), Map.of(ACTIVITY_STATUS.name(), "ONGOING",
        STATUS_COMMENT.name(), "Två pass i mars"));
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(finishedOne.getId())
        .variableName(STATUS_COMMENT.name()).list()).as("an answer stays in its activity's instance")
        .allSatisfy(v -> assertThat(v.getExecutionId()).isNotEqualTo(finishedOne.getId()));
    Clock.setTo("2027-07-01T08:00");
    while (scenario.driverOf(finishedOne).runDueTimers(finishedOne) > 0) {
      // the half-yearly safety walk's and the night walks' follow-ups are due on 1 July
    }
    for (Task next : tasks.createTaskQuery().processInstanceId(finishedOne.getId())
        .taskDefinitionKey(TASK_FOLLOW_UP_ACTIVITY).list()) {
      assertThat(engine.getFormService().getTaskFormVariables(next.getId()).get(STATUS_COMMENT.name()))
          .as(next.getName() + " opens empty").isNull();
    }

    waiting.forEach((state, instance) -> scenario.driveToEnd(instance));

    waiting.forEach((state, instance) -> assertThat(runtime.createProcessInstanceQuery()
        .processInstanceId(instance.getId()).count()).as(state + " has ended").isZero());
    for (Map.Entry<String, ProcessInstance> e : waiting.entrySet()) {
      if (!e.getValue().getProcessDefinitionId().startsWith(YearlyCycleProcess.KEY)) {
        continue;
      }
      String id = e.getValue().getId();
      assertThat(passed(id, "Timer_CycleStart")).as(e.getKey() + ": its start timer fired once").isEqualTo(1);
      assertThat(passed(id, TASK_SIGN_AND_PUBLISH)).as(e.getKey() + ": signed once").isEqualTo(1);
      assertThat(passed(id, TASK_HALF_YEAR_FOLLOW_UP)).as(e.getKey()).isEqualTo(1);
      assertThat(passed(id, TASK_YEARLY_FOLLOW_UP_REPORT)).as(e.getKey()).isEqualTo(1);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndActivityId())
          .as(e.getKey()).isEqualTo("EndEvent_CycleCompleted");
    }
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(cycle2029.getId())
        .activityId("Timer_CycleStart").singleResult().getEndTime()).as("the 2029 cycle did not start early")
        .isAfterOrEqualTo(cycle2029StartsOn);

    // Försenad followed the migrated instance: the letters were never reported finished in that cycle
    // (the other cycles' activities, driven through their years after the fact, may turn late too: not asked here)
    assertThat(jdbc.sql("select recipient from mail_outbox where kind = 'ACTIVITY_DELAYED' and subject like "
        + "'%Föräldrabrev om narkotika' and tenant_id in (:t)").param("t", List.of(late.tenantId(),
            finishedTenant)).query(String.class).list())
        .containsExactlyInAnyOrder(late.user(Role.POLICE_COORDINATOR), late.user(Role.MUNICIPAL_COORDINATOR));
    // the report of the year lived through the upgrade is complete: every activity, the letters late
    String agreementId = (String) history.createHistoricVariableInstanceQuery().processInstanceId(open.getId())
        .variableName(AGREEMENT_ID.name()).singleResult().getValue();
    String finalReport = jdbc.sql("select html from yearly_report where agreement_id = :a and cycle_year = 2027 "
        + "and final").param("a", agreementId).query(String.class).single();
    assertThat(finalReport).contains("Nattvandringsutbildning", "Föräldrabrev om narkotika",
        "Trygghetsvandring i Furulund", "Försenad");
  }

  @Test
  void anInstanceTheNewModelCannotTakeIsRefusedWithItsReasonAndRunsOnUntilARenameIsDeclared() throws Exception {
    Clock.setTo("2026-01-02T09:00");
    ProcessInstance atPictures = scenario.municipality("Habo").cycleAtTheSituationPictures("refusal-pictures", 2027);
    CycleDriver driver = scenario.municipality("Hallsberg");
    TestMunicipality kb = driver.municipality();
    ProcessInstance atPlan = driver.cycleAtTheActionPlan("refusal-plan", 2027, "Buskörning");
    CycleDriver other = scenario.municipality("Hammarö");
    ProcessInstance endsLater = other.cycleAtTheActionPlan("refusal-ends", 2027, "Klotter");
    int previousVersion = definitionOf(atPlan).getVersion();
    // a release that renamed the action plan's task and forgot to say so
    scenario.deploy(EveryWaitState.THIS_RELEASE, xml -> xml.replace("\"Task_ActionPlan\"", "\"Task_DraftActionPlan\"")
        .replace(">Task_ActionPlan<", ">Task_DraftActionPlan<"));

    UpgradeReport report = migration.migrateRunningInstances();

    assertThat(report.refused()).extracting(UpgradeRefusal::processInstanceId)
        .containsExactlyInAnyOrder(atPlan.getId(), endsLater.getId());
    UpgradeRefusal refusal = report.refused().stream().filter(r -> r.processInstanceId().equals(atPlan.getId()))
        .findFirst().orElseThrow();
    assertThat(refusal.reason()).contains("Task_ActionPlan");
    assertThat(refusal).extracting(UpgradeRefusal::tenantId, UpgradeRefusal::year, UpgradeRefusal::fromVersion)
        .containsExactly(kb.tenantId(), 2027, previousVersion);
    assertThat(refusal.swedish()).startsWith("Årscykel 2027 körs kvar på processversion " + previousVersion);
    assertThat(definitionOf(atPictures).getId()).isEqualTo(newest(YearlyCycleProcess.KEY).getId());
    assertThat(definitionOf(atPlan).getVersion()).as("left on its version").isEqualTo(previousVersion);
    assertThat(migration.refusals()).extracting(UpgradeRefusal::processInstanceId)
        .containsExactlyInAnyOrder(atPlan.getId(), endsLater.getId());
    // one that ends is no longer shown, without waiting for the next run
    runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey("refusal-ends")
        .singleResult().getId(), "the municipality ended its agreement");
    assertThat(migration.refusals()).extracting(UpgradeRefusal::processInstanceId).containsExactly(atPlan.getId());
    assertThat(new Http(port).json("/api/overview", other.municipality().user(Role.POLICE_COORDINATOR), "test")
        .path("municipalities")).allSatisfy(m -> assertThat(m.path("notUpgraded")).isEmpty());

    // the operator sees it in the health report, with municipality, year and reason
    String admin = TestAdministrator.create(identity);
    Http http = new Http(port);
    HttpResponse<String> health = http.get("/actuator/health", admin, "test");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"processVersions\"", "\"DEGRADED\"", atPlan.getId(), "Task_ActionPlan");
    // and the administrators' API lists it; a coordinator may not ask
    assertThat(http.get("/api/admin/process-versions", admin, "test").body()).contains(atPlan.getId());
    // with the instances per version, read at once, as the engine counts them one version at a time
    Map<String, Map<Integer, Long>> running = migration.runningPerVersion();
    assertThat(running.get(YearlyCycleProcess.KEY)).containsEntry(previousVersion, 1L);
    for (String key : List.of(AgreementProcess.KEY, YearlyCycleProcess.KEY)) {
      Map<Integer, Long> counted = new TreeMap<>();
      repository.createProcessDefinitionQuery().processDefinitionKey(key).list().forEach(d -> {
        long instances = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
        if (instances > 0) {
          counted.put(d.getVersion(), instances);
        }
      });
      assertThat(running.get(key)).as(key).isEqualTo(counted);
    }
    assertThat(http.get("/api/admin/process-versions", kb.user(Role.POLICE_COORDINATOR), "test").statusCode())
        .isEqualTo(403);

    // the municipality's people see it in the overview, in the table and on the municipality's page
    String coordinator = kb.user(Role.POLICE_COORDINATOR);
    assertThat(http.json("/api/overview", coordinator, "test").path("municipalities").get(0).path("notUpgraded"))
        .extracting(n -> n.path("message").asText()).containsExactly(refusal.swedish());
    assertThat(http.json("/api/tenants/" + kb.tenantId() + "/overview?year=2027", coordinator, "test")
        .path("notUpgraded").get(0).path("year").asInt()).isEqualTo(2027);

    // only an administrator moves instances: not through our API, nor through the engine's own
    assertThat(http.post("/api/admin/process-versions/migrate", coordinator, "test", "").statusCode())
        .isEqualTo(403);
    String plan = "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"" + definitionOf(atPlan).getId()
        + "\",\"targetProcessDefinitionId\":\"" + newest(YearlyCycleProcess.KEY).getId() + "\",\"instructions\":"
        + "[{\"sourceActivityIds\":[\"Task_ActionPlan\"],\"targetActivityIds\":[\"Task_DraftActionPlan\"]}]},"
        + "\"processInstanceIds\":[\"" + atPlan.getId() + "\"]}";
    assertThat(http.post("/engine-rest/migration/execute", coordinator, "test", plan).statusCode()).isEqualTo(403);
    assertThat(definitionOf(atPlan).getVersion()).isEqualTo(previousVersion);
    HttpResponse<String> again = http.post("/api/admin/process-versions/migrate", admin, "test", "");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(http.parse(again.body()).path("processes").get(1).path("refused")).hasSize(1);

    // nothing is broken: the refused cycle runs on its own version
    driver.complete(atPlan, TASK_ACTION_PLAN, driver.actionPlan(atPlan, "Trafikkontroller vid skolor"));
    assertThat(driver.task(atPlan, TASK_PREPARE_STEERING_GROUP)).isNotNull();

    // once the release declares the rename, the next run moves it
    ProcessMigration declared = migration.withRenames(List.of(new ActivityRename(YearlyCycleProcess.KEY,
        "Task_ActionPlan", "Task_DraftActionPlan")));
    assertThat(declared.migrateRunningInstances()).satisfies(r -> assertThat(r.refused()).isEmpty())
        .satisfies(r -> assertThat(r.migrated()).isEqualTo(1));
    assertThat(definitionOf(atPlan).getId()).isEqualTo(newest(YearlyCycleProcess.KEY).getId());
    assertThat(migration.refusals()).isEmpty();
    assertThat(http.get("/actuator/health", admin, "test").body()).doesNotContain("DEGRADED");
    // the test's instances go, so that the other test counts only its own
    runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).list()
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test over"));
  }

  /**
   * Two nodes start the new release at the same time, and both list the same instances; a job may end one. The list
   * is stale by the time a batch runs: what another node moved, or what ended, is neither moved again nor refused,
   * and the rest of the batch moves (the engine throws for the whole batch at the first such instance).
   */
  @Test
  void instancesAnotherNodeMovedOrThatEndedSinceTheyWereListedAreLeftOutOfTheBatch() {
    Clock.setTo("2026-01-02T09:00");
    ProcessInstance movedElsewhere = scenario.municipality("Hjo").cycleAtTheSituationPictures("stale-moved", 2027);
    ProcessInstance ended = scenario.municipality("Hylte").cycleAtTheSituationPictures("stale-ended", 2027);
    ProcessInstance waiting = scenario.municipality("Hultsfred").cycleAtTheSituationPictures("stale-waits", 2027);
    ProcessDefinition old = definitionOf(waiting);
    scenario.deploy(EveryWaitState.THIS_RELEASE, UnaryOperator.identity());
    ProcessDefinition newest = newest(YearlyCycleProcess.KEY);
    MigrationPlan plan = migration.plan(old, newest);
    List<String> listed = List.of(movedElsewhere.getId(), ended.getId(), waiting.getId());
    // after this node listed them: the other node moved the first, and the second's agreement was ended
    runtime.newMigration(plan).processInstanceIds(movedElsewhere.getId()).execute();
    runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey("stale-ended")
        .singleResult().getId(), "the municipality ended its agreement");

    List<UpgradeRefusal> refused = new ArrayList<>();
    assertThat(migration.migrateListed(plan, listed, old, newest, refused)).as("moved by this node").isEqualTo(1);

    assertThat(refused).isEmpty();
    assertThat(definitionOf(waiting).getId()).isEqualTo(newest.getId());
    assertThat(definitionOf(movedElsewhere).getId()).isEqualTo(newest.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
    // and the whole run after it has nothing left to do
    assertThat(migration.migrateRunningInstances().refused()).isEmpty();
    runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).list()
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test over"));
  }

  /**
   * A start whose upgrade stops on an error that is no refusal (here the product's own table is gone half-way) still
   * starts: what was not moved runs on on its version, and the health report says DEGRADED, with the error, until a
   * run succeeds. Before, the error ended the start, for every municipality of the installation.
   */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aStartWhoseUpgradeFailsStartsAndTheHealthReportSaysSoUntilARunSucceeds(CapturedOutput output) {
    Clock.setTo("2026-01-02T09:00");
    CycleDriver driver = scenario.municipality("Härryda");
    ProcessInstance waiting = driver.cycleAtTheSituationPictures("failed-run", 2027);
    int previousVersion = definitionOf(waiting).getVersion();
    scenario.deploy(EveryWaitState.THIS_RELEASE, UnaryOperator.identity());
    String admin = TestAdministrator.create(identity);
    Http http = new Http(port);

    jdbc.sql("alter table process_upgrade_refusal rename to process_upgrade_refusal_away").update();
    HttpResponse<String> runByHand;
    HttpResponse<String> versions;
    try {
      assertThatCode(() -> new UpgradeAtStart(migration).run(null)).as("the start goes on")
          .doesNotThrowAnyException();
      runByHand = http.post("/api/admin/process-versions/migrate", admin, "test", "");
      versions = http.get("/api/admin/process-versions", admin, "test");
    } finally {
      jdbc.sql("alter table process_upgrade_refusal_away rename to process_upgrade_refusal").update();
    }

    assertThat(definitionOf(waiting).getVersion()).as("not moved, runs on").isEqualTo(previousVersion);
    // the administrator who runs it by hand is told at once, in Swedish, with the error's own words
    assertThat(runByHand.statusCode()).isEqualTo(500);
    assertThat(runByHand.body()).contains("Flytten till den nyaste processversionen avbröts av ett fel",
        "körs vidare på sin version", "BadSqlGrammarException", "process_upgrade_refusal");
    // any other read that meets the fault: Swedish, a reference to find it in the log, and no SQL in the answer
    assertThat(versions.statusCode()).isEqualTo(500);
    assertThat(versions.body()).contains("Något gick fel hos oss", "\"reference\"")
        .doesNotContainIgnoringCase("process_upgrade_refusal").doesNotContainIgnoringCase("select")
        .doesNotContain("Exception");
    String reference = versions.body().replaceAll(".*\"reference\":\"([0-9a-f]{8})\".*", "$1");
    assertThat(output.getOut()).contains("Unexpected error in the API, reference " + reference)
        .contains("process_upgrade_refusal");
    assertThat(migration.failure()).hasValueSatisfying(f -> assertThat(f.message())
        .contains("BadSqlGrammarException", "process_upgrade_refusal"));
    HttpResponse<String> health = http.get("/actuator/health", admin, "test");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"processVersions\"", "\"DEGRADED\"", "\"lastRunFailed\"",
        "process_upgrade_refusal");
    // the cycle's people go on working on the version it runs on
    driver.complete(waiting, TASK_POLICE_SITUATION_PICTURE, CycleDriver.policeSituationPicture());
    assertThat(definitionOf(waiting).getVersion()).isEqualTo(previousVersion);

    // the cause mended, the administrator runs it again: moved, and the health report is well again
    HttpResponse<String> again = http.post("/api/admin/process-versions/migrate", admin, "test", "");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(definitionOf(waiting).getId()).isEqualTo(newest(YearlyCycleProcess.KEY).getId());
    assertThat(migration.failure()).isEmpty();
    assertThat(http.get("/actuator/health", admin, "test").body()).doesNotContain("DEGRADED", "lastRunFailed");
    runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).list()
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test over"));
  }

  /** Per running instance, its open tasks as "key id assignee due". */
  private Map<String, Set<String>> openTasks() {
    return tasks.createTaskQuery().list().stream().collect(Collectors.groupingBy(Task::getProcessInstanceId,
        Collectors.mapping(t -> t.getTaskDefinitionKey() + " " + t.getId() + " " + t.getAssignee() + " "
            + t.getDueDate(), Collectors.toCollection(TreeSet::new))));
  }

  /** Per running instance, its timers as "activity id due". */
  private Map<String, Set<String>> timers() {
    return management.createJobQuery().timers().list().stream()
        .filter(j -> j.getProcessInstanceId() != null)
        .collect(Collectors.groupingBy(Job::getProcessInstanceId, Collectors.mapping(
            j -> activityOf(j) + " " + j.getId() + " " + j.getDuedate().toInstant(),
            Collectors.toCollection(TreeSet::new))));
  }

  private String activityOf(Job job) {
    return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private Date timerOf(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getDuedate();
  }

  private long passed(String processInstanceId, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId)
        .finished().count();
  }

  private ProcessDefinition definitionOf(ProcessInstance instance) {
    String id = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
    return repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
  }

  private ProcessDefinition newest(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion()
        .singleResult();
  }

}
