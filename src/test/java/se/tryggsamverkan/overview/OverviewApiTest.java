package se.tryggsamverkan.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * The managers' overview through the API: a regional manager sees both municipalities' phases and what is late, one
 * municipality's year with its cycle's waiting elements, and nobody sees another municipality's.
 */
@PostgresProcessTest
class OverviewApiTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  Http http;
  TestMunicipality kb;
  TestMunicipality kv;
  ProcessInstance kbCycle;
  String region;

  /** Kungsbacka's 2027 plan waits for the steering group; Kävlinge's 2027 cycle is at its situation pictures. */
  @BeforeEach
  void twoMunicipalitiesAndARegionalManager() {
    http = new Http(port);
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Kungsbacka");
    kv = TestMunicipality.create(identity, "Kävlinge");
    CycleDriver kbDriver = new CycleDriver(engine, kb);
    kbCycle = kbDriver.cycle(kbDriver.startAgreement("ov-" + kb.tenantId(),
        kb.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY")), 2027);
    kbDriver.runDueTimers(kbCycle);
    kbDriver.driveToSteeringDecision(kbCycle);
    CycleDriver kvDriver = new CycleDriver(engine, kv);
    ProcessInstance kvCycle = kvDriver.cycle(kvDriver.startAgreement("ov-" + kv.tenantId(),
        kv.agreementStart("2027-01-01", "2027-12-31", "POLICE")), 2027);
    kvDriver.runDueTimers(kvCycle);
    region = "region-" + kb.tenantId();
    User user = identity.newUser(region);
    user.setFirstName("Regional");
    user.setLastName("ledning");
    user.setPassword("test");
    identity.saveUser(user);
    identity.createMembership(region, Role.MANAGER.groupId());
    identity.createTenantUserMembership(kb.tenantId(), region);
    identity.createTenantUserMembership(kv.tenantId(), region);
    // the situation pictures were due 15 March 2026 (or 14 days after a late start): now they are late
    Clock.setTo("2026-04-10T09:00");
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void theRegionalManagerSeesEachMunicipalitysPhaseAndWhatIsLate() {
    JsonNode overview = http.json("/api/overview", region, "test");

    assertThat(overview.path("year").asInt()).isEqualTo(2026);
    assertThat(overview.path("municipalities")).extracting(m -> m.path("tenantId").asText())
        .containsExactlyInAnyOrder(kb.tenantId(), kv.tenantId());
    JsonNode kungsbacka = row(overview, kb.tenantId());
    assertThat(kungsbacka.path("planning").path("year").asInt()).isEqualTo(2027);
    assertThat(kungsbacka.path("planning").path("phaseName").asText()).isEqualTo("Styrgruppens beslut");
    assertThat(kungsbacka.path("implementation").isNull()).as("no agreement for 2026").isTrue();
    assertThat(kungsbacka.path("openTasks").asInt()).isEqualTo(2);
    JsonNode kavlinge = row(overview, kv.tenantId());
    assertThat(kavlinge.path("planning").path("phaseName").asText()).isEqualTo("Lägesbild");
    assertThat(kavlinge.path("overdueTasks").asInt()).isEqualTo(2);
    assertThat(kavlinge.path("link").asText()).isEqualTo("/api/tenants/" + kv.tenantId() + "/overview");
    assertThat(kavlinge.path("page").asText()).isEqualTo("/oversikt/kommun.html?kommun=" + kv.tenantId());
  }

  @Test
  void theOverviewPageAnswersWhereManagersTypeIt() {
    var page = http.get("/oversikt/", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html").contains("lang=\"sv\"");
    assertThat(http.get("/vendor/bpmn-js/dist/bpmn-navigated-viewer.production.min.js", null, null).statusCode())
        .as("bpmn-js is bundled, no CDN").isEqualTo(200);
  }

  @Test
  void aCycleWithNoOpenTaskShowsTheTimerItWaitsFor() {
    // Timerby's 2027 cycle waits at its start timer (not run yet): no task, only a timer tells where it stands
    TestMunicipality tb = TestMunicipality.create(identity, "Timerby");
    CycleDriver tbDriver = new CycleDriver(engine, tb);
    tbDriver.cycle(tbDriver.startAgreement("ov-" + tb.tenantId(),
        tb.agreementStart("2027-01-01", "2027-12-31", "POLICE")), 2027);
    identity.createTenantUserMembership(tb.tenantId(), region);

    JsonNode year = http.json("/api/tenants/" + tb.tenantId() + "/overview?year=2027", region, "test");
    assertThat(year.path("cycle").path("activeElements")).extracting(JsonNode::asText)
        .containsExactly(TIMER_CYCLE_START);
    assertThat(year.path("cycle").path("phase").asText()).isEqualTo("WAITING");
    assertThat(year.path("openTasks")).isEmpty();

    JsonNode overview = http.json("/api/overview", region, "test");
    JsonNode timerby = java.util.stream.StreamSupport.stream(overview.path("municipalities").spliterator(), false)
        .filter(m -> m.path("tenantId").asText().equals(tb.tenantId())).findFirst().orElseThrow();
    assertThat(timerby.path("planning").path("phase").asText()).isEqualTo("WAITING");
    assertThat(timerby.path("openTasks").asInt()).isZero();
    // the others' timers and tasks are theirs: Kungsbacka still waits for the steering group
    JsonNode kungsbacka = java.util.stream.StreamSupport.stream(overview.path("municipalities").spliterator(), false)
        .filter(m -> m.path("tenantId").asText().equals(kb.tenantId())).findFirst().orElseThrow();
    assertThat(kungsbacka.path("planning").path("phase").asText()).isEqualTo("STEERING_DECISION");
  }

  @Test
  void aMunicipalitysYearShowsItsCycleItsOpenTasksByRoleAndItsPlan() {
    JsonNode year = http.json("/api/tenants/" + kb.tenantId() + "/overview?year=2027", region, "test");

    assertThat(year.path("name").asText()).isEqualTo("Kungsbacka");
    assertThat(year.path("years")).extracting(JsonNode::asInt).containsExactly(2027);
    assertThat(year.path("cycle").path("phaseName").asText()).isEqualTo("Styrgruppens beslut");
    assertThat(year.path("cycle").path("activeElements")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(TASK_POLICE_STEERING_DECISION, TASK_MUNICIPAL_STEERING_DECISION);
    assertThat(year.path("cycle").path("cockpit").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + kbCycle.getId() + "/runtime");
    assertThat(year.path("openTasks")).extracting(t -> t.path("roles").get(0).asText())
        .containsExactlyInAnyOrder(Role.POLICE_STEERING.swedishName(), Role.MUNICIPAL_STEERING.swedishName());
    assertThat(year.path("openTasks").get(0).path("tasklist").asText())
        .startsWith("/camunda/app/tasklist/default/#/?task=");
    // the cycle's own tasks; one offered to more groups names each role once, in the roles' order, and a person it
    // is offered to is no role
    Task police = engine.getTaskService().createTaskQuery().processInstanceId(kbCycle.getId())
        .taskDefinitionKey(TASK_POLICE_STEERING_DECISION).singleResult();
    engine.getTaskService().addCandidateGroup(police.getId(), Role.POLICE_COORDINATOR.groupId());
    engine.getTaskService().addCandidateUser(police.getId(), kb.user(Role.MUNICIPAL_COORDINATOR));
    JsonNode offered = http.json("/api/tenants/" + kb.tenantId() + "/overview?year=2027", region, "test");
    assertThat(offered.path("openTasks")).extracting(t -> t.path("id").asText()).containsExactlyInAnyOrderElementsOf(
        engine.getTaskService().createTaskQuery().processInstanceId(kbCycle.getId()).list().stream()
            .map(Task::getId).toList());
    assertThat(offered.path("openTasks")).filteredOn(t -> t.path("id").asText().equals(police.getId()))
        .singleElement().satisfies(t -> assertThat(t.path("roles")).extracting(JsonNode::asText)
            .containsExactly(Role.POLICE_COORDINATOR.swedishName(), Role.POLICE_STEERING.swedishName()));
    assertThat(year.path("activities")).extracting(a -> a.path("description").asText())
        .containsExactly("Trafikkontroller vid skolor");
    assertThat(year.path("activitiesByStatus")).as("every status, Stoppad last")
        .extracting(c -> c.path("status").asText()).containsExactly("NOT_STARTED", "ONGOING",
            "ONGOING_WITH_DEVIATION", "COMPLETED", "COMPLETED_WITH_DEVIATION", "DELAYED", "STOPPED");
    assertThat(year.path("activities").get(0).path("stoppedOn").isNull()).as("not stopped").isTrue();
    assertThat(year.path("promises").get(0).path("target").asText()).isEqualTo("minst 1 per vecka");

    var diagram = http.get(year.path("cycle").path("diagram").asText(), region, "test");
    assertThat(diagram.statusCode()).isEqualTo(200);
    assertThat(diagram.body()).contains("<bpmn:process id=\"yearlyCycle\"").contains("bpmndi:BPMNDiagram");
  }

  @Test
  void lateTasksAreMarkedOverdueAndTasksDueWithinAWeekDueSoon() {
    JsonNode kavlinge = http.json("/api/tenants/" + kv.tenantId() + "/overview?year=2027", region, "test");
    assertThat(kavlinge.path("openTasks")).extracting(t -> t.path("state").asText()).containsOnly("OVERDUE");
    assertThat(kavlinge.path("tasksByRole")).extracting(r -> r.path("overdue").asInt()).containsOnly(1);

    Task police = engine.getTaskService().createTaskQuery().tenantIdIn(kv.tenantId())
        .taskDefinitionKey(TASK_POLICE_SITUATION_PICTURE).singleResult();
    police.setDueDate(Clock.endOf("2026-04-14"));
    engine.getTaskService().saveTask(police);
    JsonNode after = http.json("/api/tenants/" + kv.tenantId() + "/overview?year=2027", region, "test");
    assertThat(after.path("openTasks")).extracting(t -> t.path("element").asText() + "=" + t.path("state").asText())
        .containsExactlyInAnyOrder(TASK_POLICE_SITUATION_PICTURE + "=DUE_SOON",
            TASK_MUNICIPAL_SITUATION_PICTURE + "=OVERDUE");
  }

  @Test
  void aCoordinatorSeesOnlyTheirOwnMunicipality() {
    String kavlingeCoordinator = kv.user(Role.MUNICIPAL_COORDINATOR);

    assertThat(http.json("/api/overview", kavlingeCoordinator, "test").path("municipalities"))
        .extracting(m -> m.path("tenantId").asText()).containsExactly(kv.tenantId());
    var refused = http.get("/api/tenants/" + kb.tenantId() + "/overview?year=2027", kavlingeCoordinator, "test");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Du har inte behörighet till kommunen " + kb.tenantId())
        .doesNotContain("Trafikkontroller");
    assertThat(http.get("/api/tenants/" + kb.tenantId() + "/overview/diagram?year=2027", kavlingeCoordinator,
        "test").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/overview", null, null).statusCode()).isEqualTo(401);
    var noYear = http.get("/api/tenants/" + kb.tenantId() + "/overview?year=2031", region, "test");
    assertThat(noYear.statusCode()).isEqualTo(404);
    assertThat(noYear.body()).contains("Kommunen har ingen överenskommelse som gäller år 2031");
  }

  @Test
  void aManagerCanReadTasksButNeitherClaimNorCompleteThem() {
    Task decision = engine.getTaskService().createTaskQuery().processInstanceId(kbCycle.getId())
        .taskDefinitionKey(TASK_POLICE_STEERING_DECISION).singleResult();
    String manager = kb.user(Role.MANAGER);

    var read = http.get("/engine-rest/task/" + decision.getId(), manager, "test");
    var claim = http.post("/engine-rest/task/" + decision.getId() + "/claim", manager, "test",
        "{\"userId\":\"" + manager + "\"}");
    var complete = http.post("/engine-rest/task/" + decision.getId() + "/complete", manager, "test",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(complete.body()).contains("does not have").contains("permission");
    Task after = engine.getTaskService().createTaskQuery().taskId(decision.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getAssignee()).isNull();
    assertThat(engine.getRuntimeService().getVariables(kbCycle.getId())).doesNotContainEntry("decision", "APPROVE");
  }

  private static JsonNode row(JsonNode overview, String tenantId) {
    for (JsonNode m : overview.path("municipalities")) {
      if (m.path("tenantId").asText().equals(tenantId)) {
        return m;
      }
    }
    throw new AssertionError("No row for " + tenantId + " in " + overview);
  }
}
