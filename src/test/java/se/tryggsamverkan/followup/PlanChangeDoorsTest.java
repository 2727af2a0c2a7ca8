package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.common.FormLimits;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;
import se.tryggsamverkan.support.WebappSession;

/**
 * Issue 15 through every door a user has to the plan-change tasks (Camunda's REST API and the web applications'
 * copy that Tasklist submits to): another municipality's roles neither see nor complete them, and every bad input a
 * coordinator can send, including another municipality's activity or person, is a 400 with a Swedish message and
 * stores nothing, never a 5xx.
 */
@PostgresProcessTest
class PlanChangeDoorsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired ActivityFollowUp followUp;

  TestMunicipality kungsbacka;
  TestMunicipality kavlinge;
  ProcessInstance cycle;
  ProcessInstance kavlingeCycle;
  Http http;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void twoMunicipalitiesInTheirImplementationYear() {
    init(engine);
    kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    kavlinge = TestMunicipality.create(identity, "Kävlinge");
    cycle = ActivityFollowUpProcessTest.signedThreeActivityPlan(new CycleDriver(engine, kungsbacka), kungsbacka, "doors");
    kavlingeCycle = ActivityFollowUpProcessTest.signedThreeActivityPlan(new CycleDriver(engine, kavlinge), kavlinge,
        "doors");
    Clock.setTo("2027-02-01T08:00");
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void noRoleOfAnotherMunicipalitySeesOrCompletesThePlanChangeTasks() throws Exception {
    String propose = task(cycle, TASK_PROPOSE_PLAN_CHANGE).getId();
    String body = form(reason("Intrång"), changed(row(activityId(cycle, "Föräldrabrev"), "STOP")));
    List<String> answered = new ArrayList<>();
    for (Role role : Role.values()) {
      String user = kavlinge.user(role);
      for (HttpResponse<String> response : List.of(
          http.get("/engine-rest/task/" + propose, user, "test"),
          http.get("/engine-rest/task/" + propose + "/form-variables", user, "test"),
          http.post("/engine-rest/task/" + propose + "/submit-form", user, "test", body),
          WebappSession.logIn(port, user).send("POST", WebappSession.ENGINE_API + "/task/" + propose
              + "/submit-form", body))) {
        answered.add(role + " " + response.statusCode());
        assertThat(response.statusCode()).as(role + ": " + response.body()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("Föräldrabrev", "ENGINE-");
      }
      HttpResponse<String> list = http.get("/engine-rest/task?taskDefinitionKey=" + TASK_PROPOSE_PLAN_CHANGE,
          user, "test");
      assertThat(list.body()).doesNotContain(propose);
    }
    assertThat(answered).hasSize(Role.values().length * 4);
    assertThat(task(cycle, TASK_PROPOSE_PLAN_CHANGE).getId()).isEqualTo(propose);
    assertThat(changes()).isZero();

    HttpResponse<String> own = http.post("/engine-rest/task/" + propose + "/submit-form",
        kungsbacka.user(Role.POLICE_COORDINATOR), "test", body);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
    String decision = task(cycle, TASK_POLICE_PLAN_CHANGE_DECISION).getId();
    String approve = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";
    for (Role role : Role.values()) {
      HttpResponse<String> response = http.post("/engine-rest/task/" + decision + "/submit-form",
          kavlinge.user(role), "test", approve);
      assertThat(response.statusCode()).as(role + ": " + response.body()).isBetween(400, 499);
    }
    assertThat(jdbc.sql("select count(*) from plan_change_decision d join plan_change c on c.id = d.plan_change_id "
        + "where c.agreement_id = :a").param("a", agreementId(cycle)).query(Integer.class).single()).isZero();
  }

  @Test
  void everyBadProposalIsA400InSwedishAndStoresNothing() throws Exception {
    String propose = task(cycle, TASK_PROPOSE_PLAN_CHANGE).getId();
    long letters = activityId(cycle, "Föräldrabrev");
    long theirs = activityId(kavlingeCycle, "Föräldrabrev");
    int reasonMax = FormLimits.max("planChange", "planChangeReason");
    ArrayNode tooMany = json.createArrayNode();
    for (int i = 0; i < 51; i++) {
      tooMany.add(row(letters, "STOP"));
    }
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put(form(reason(""), changed()), "Skäl till ändringen måste fyllas i");
    refusals.put(form(reason("x".repeat(reasonMax + 1)), changed(row(letters, "STOP"))),
        "för lång (högst " + reasonMax + " tecken)");
    refusals.put(form(reason("x"), "\"changedActivities\":{\"type\":\"Json\",\"value\":\"{inte json\"}"),
        "ingen giltig JSON");
    refusals.put(form(reason("x"), "\"changedActivities\":{\"type\":\"Json\",\"value\":\"{\\\"a\\\":1}\"}"),
        "Ändrade aktiviteter");
    refusals.put(form(reason("x"), changed(row(theirs, "STOP"))), "Aktiviteten finns inte i årets beslutade plan");
    refusals.put(form(reason("x"), changed(row(letters, "REASSIGN").put("newPerson", kavlinge.user(Role.ACTIVITY_OWNER)))),
        "(changedActivities[0].newPerson)");
    refusals.put(form(reason("x"), changed(row(letters, "MOVE").put("newStartDate", "2027-13-45")
        .put("newEndDate", "2027-05-01"))), "Nytt startdatum är inget giltigt datum");
    refusals.put(form(reason("x"), changed(row(letters, "MOVE").put("newStartDate", "2031-01-01")
        .put("newEndDate", "2031-02-01"))),
        "Ändrad aktivitet 1: Startdatum 2031-01-01 ligger utanför överenskommelsens period");
    refusals.put(form(reason("x"), changed(row(letters, "REVISE"))),
        "Ange nya indikatorer, ett nytt uppföljningsintervall eller båda");
    refusals.put(form(reason("x"), changed(row(letters, "REVISE").put("newInterval", "WEEKLY"))),
        "'WEEKLY' är inget giltigt val");
    refusals.put(form(reason("x"), changed(row(letters, "EXPLODE"))), "'EXPLODE' är inget giltigt val");
    refusals.put(form(reason("x"), changed(row(letters, "STOP"), row(letters, "MOVE").put("newStartDate",
        "2027-01-01").put("newEndDate", "2027-02-01"))), "aktiviteten ändras redan i en rad ovan");
    refusals.put(form(reason("x"), "\"changedActivities\":{\"type\":\"Json\",\"value\":"
        + json.writeValueAsString(tooMany.toString()) + "}"), "Högst 50 ändringar");

    WebappSession session = WebappSession.logIn(port, kungsbacka.user(Role.MUNICIPAL_COORDINATOR));
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      for (HttpResponse<String> response : List.of(
          http.post("/engine-rest/task/" + propose + "/submit-form", kungsbacka.user(Role.POLICE_COORDINATOR),
              "test", refusal.getKey()),
          session.send("POST", WebappSession.ENGINE_API + "/task/" + propose + "/submit-form", refusal.getKey()))) {
        assertThat(response.statusCode()).as(refusal.getValue() + ": " + response.body()).isEqualTo(400);
        assertThat(http.parse(response.body()).path("message").asText()).as(refusal.getKey())
            .startsWith("Uppgifterna kunde inte sparas").contains(refusal.getValue());
      }
    }
    assertThat(changes()).isZero();
    assertThat(task(cycle, TASK_PROPOSE_PLAN_CHANGE).getId()).isEqualTo(propose);

    HttpResponse<String> atTheLimit = http.post("/engine-rest/task/" + propose + "/submit-form",
        kungsbacka.user(Role.POLICE_COORDINATOR), "test", form(reason("å".repeat(reasonMax)),
            changed(row(letters, "STOP"))));
    assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(204);
    assertThat(jdbc.sql("select reason from plan_change where agreement_id = :a").param("a", agreementId(cycle))
        .query(String.class).single()).hasSize(reasonMax);
  }

  private ObjectNode row(long activityId, String kind) {
    return json.createObjectNode().put("activityId", String.valueOf(activityId)).put("kind", kind);
  }

  private String changed(ObjectNode... rows) throws Exception {
    ArrayNode list = json.createArrayNode();
    for (ObjectNode row : rows) {
      list.add(row);
    }
    return "\"changedActivities\":{\"type\":\"Json\",\"value\":" + json.writeValueAsString(list.toString()) + "}";
  }

  private String reason(String text) throws Exception {
    return "\"planChangeReason\":{\"value\":" + json.writeValueAsString(text) + "}";
  }

  private static String form(String... variables) {
    return "{\"variables\":{" + String.join(",", variables) + "}}";
  }

  private Task task(ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private String agreementId(ProcessInstance instance) {
    return (String) engine.getRuntimeService().getVariable(instance.getId(), AGREEMENT_ID.name());
  }

  private long activityId(ProcessInstance instance, String prefix) {
    return followUp.approvedActivities(agreementId(instance), 2027).stream()
        .filter(a -> a.activity().description().startsWith(prefix)).findFirst().orElseThrow().id();
  }

  private int changes() {
    return jdbc.sql("select count(*) from plan_change where agreement_id = :a").param("a", agreementId(cycle))
        .query(Integer.class).single();
  }
}
