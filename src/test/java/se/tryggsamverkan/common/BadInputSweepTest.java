package se.tryggsamverkan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.SweepDriver;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Bad input against every form (submitted through the engine's REST API, as any client could) and the project's
 * REST endpoints: missing fields, a megabyte of text, wrong types and dates, script and SQL, another municipality's
 * ids. Each is answered with a 4xx and a Swedish message, nothing is stored half-way, and hostile text stays text in
 * mails and reports.
 */
@PostgresProcessTest
class BadInputSweepTest {

  static final String MEGABYTE = "x".repeat(1024 * 1024);
  static final String HOSTILE = "<script>alert('x')</script>'; drop table activity; --";
  static final List<String> TABLES = List.of("situation_entry", "place", "focus_area", "prioritised_problem",
      "cause_analysis", "plan_version", "activity", "citizen_promise", "steering_decision", "activity_report",
      "promise_occurrence", "steering_follow_up", "yearly_report");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  final ObjectMapper json = new ObjectMapper();
  Http http;
  TestMunicipality kb;
  CycleDriver driver;
  ProcessInstance cycle;
  final List<String> refusals = new ArrayList<>();

  @BeforeEach
  void aCycleFor2027() {
    http = new Http(port);
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Kungsbacka");
    driver = new CycleDriver(engine, kb);
    cycle = driver.cycle(driver.startAgreement("bad-" + kb.tenantId(),
        kb.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY")), 2027);
    driver.runDueTimers(cycle);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void everyFormRefusesBadSubmitsInSwedishAndStoresNothing() throws Exception {
    refuseAll(TASK_POLICE_SITUATION_PICTURE, Map.of("situationPicture", MEGABYTE), "för lång",
        Map.of("situationPicture", "Bild", "situationEntries", "inte en lista"), "Underlag: listan kunde inte läsas",
        // typed Json that is no JSON: the engine refused it with 500 before any listener ran
        Map.of("situationPicture", "Bild", "situationEntries", "[{inte json"), "situationEntries");
    refuseAll(TASK_MUNICIPAL_SITUATION_PICTURE, Map.of("situationPicture", " "), "måste fyllas i");
    driver.completeSituationPictures(cycle);
    refuseAll(TASK_MERGE_AND_PRIORITISE, Map.of("jointSituationPicture", MEGABYTE), "för lång");
    driver.completeMerge(cycle, "Buskörning vid skolor");
    refuseAll(TASK_CAUSE_ANALYSIS, Map.of("causes", MEGABYTE), "för lång");
    driver.completeCauseAnalyses(cycle);
    refuseAll(TASK_ACTION_PLAN, Map.of("activities", "[{\"description\":\"" + HOSTILE + "\"}]"), "måste fyllas i");
    driver.complete(cycle, TASK_ACTION_PLAN, driver.actionPlan(cycle, "Trafikkontroller"));
    refuseAll(TASK_PREPARE_STEERING_GROUP, Map.of("preparationSummary", "Förslag", "steeringMeetingDate",
        "15/12/2026", "steeringMeetingPlace", "Kommunhuset"), "inget giltigt datum");
    // a meeting on 9999-12-31 was taken, and its summons sent
    refuseAll(TASK_PREPARE_STEERING_GROUP, Map.of("preparationSummary", "Förslag", "steeringMeetingDate",
        "9999-12-31", "steeringMeetingPlace", "Kommunhuset"), "ligger för långt fram: senast 2028-12-31");
    driver.complete(cycle, TASK_PREPARE_STEERING_GROUP, CycleDriver.preparation("Förslag"));
    refuseAll(TASK_POLICE_STEERING_DECISION, Map.of("decision", "KANSKE"), "");
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    refuseAll(TASK_SIGN_AND_PUBLISH, Map.of("signedOn", "2026-13-45", "publishedAt", "webben"), "inget giltigt datum");
    driver.complete(cycle, TASK_SIGN_AND_PUBLISH, Map.of("signedOn", "2026-12-20", "publishedAt", "webben"));
    refuseAll(TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2027-06-10",
        "steeringMeetingPlace", "Stadshuset", "steeringMeetingTime", "kl ett"), "kan inte läsas");
    // the preparation's meeting fields are already in the cycle: a blank value is what a client can get wrong
    refuseAll(TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingPlace", " "), "Plats måste fyllas i");
    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2020-06-10",
        "steeringMeetingPlace", "Polisstationen"));
    refuseAll(TASK_HALF_YEAR_FOLLOW_UP, Map.of("halfYearConclusions", MEGABYTE), "för lång");
    driver.complete(cycle, TASK_HALF_YEAR_FOLLOW_UP, Map.of(HALF_YEAR_CONCLUSIONS.name(), "Enligt plan"));
    Clock.setTo("2027-04-01T08:00");
    driver.runDueTimers(cycle);
    refuseAll(TASK_FOLLOW_UP_ACTIVITY, Map.of("activityStatus", "ONGOING", "statusComment", "Pågår",
        "promiseOccurrences", "[{\"promise\":\"1\",\"date\":\"1999-01-01\"}]"), "ligger inte i år 2027");
    driver.driveActivityFollowUps(cycle, CycleDriver::ongoingUntilTheLastFollowUp);
    refuseAll(TASK_YEARLY_FOLLOW_UP_REPORT, Map.of("yearlyReportSummary", "Bra år", "presentedToBoardOn",
        "2099-02-20", "lessonsForNextYear", "Mer"), "ska ligga under 2027 eller 2028");

    assertThat(refusals).as("every refusal, in Swedish").allSatisfy(message ->
        assertThat(message).startsWith(InvalidInputException.PREFIX).doesNotContain("Exception", "ENGINE-"));
  }

  @Test
  void hostileTextStaysTextInMailsReportsAndTheApi() throws Exception {
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning vid skolor");
    driver.completeCauseAnalyses(cycle);
    driver.completePlan(cycle, "[{\"focusArea\":\"Trygghet i trafik\",\"description\":\"" + HOSTILE.replace("'", "\\u0027")
        + "\",\"expectedEffect\":\"Tryggare\",\"responsibleParty\":\"POLICE\",\"responsiblePerson\":\""
        + kb.user(Role.ACTIVITY_OWNER) + "\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\","
        + "\"indicators\":\"Antal\",\"followUpInterval\":\"QUARTERLY\"}]", "[{\"text\":\"" + HOSTILE
        + "\",\"party\":\"POLICE\",\"target\":\"minst 1 per år\"}]");
    driver.approveAndSign(cycle);
    Clock.setTo("2027-04-10T08:00");
    driver.runDueTimers(cycle);
    Task followUp = driver.task(cycle, TASK_FOLLOW_UP_ACTIVITY);
    assertThat(followUp.getName()).isEqualTo("Följ upp: " + HOSTILE);
    new SweepDriver(engine).sweep();

    List<String> html = jdbc.sql("select body_html from mail_outbox where tenant_id = :t").param("t", kb.tenantId())
        .query(String.class).list();
    assertThat(html).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain("<script")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertThat(jdbc.sql("select count(*) from activity where description = :d").param("d", HOSTILE)
        .query(Integer.class).single()).as("stored as typed, the SQL inside is only text").isEqualTo(1);

    driver.complete(cycle, TASK_FOLLOW_UP_ACTIVITY, Map.of(ACTIVITY_STATUS.name(), "COMPLETED", STATUS_COMMENT.name(),
        HOSTILE));
    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2020-06-10",
        "steeringMeetingPlace", HOSTILE));
    driver.complete(cycle, TASK_HALF_YEAR_FOLLOW_UP, Map.of(HALF_YEAR_CONCLUSIONS.name(), HOSTILE));
    driver.driveActivityFollowUps(cycle, CycleDriver::ongoingUntilTheLastFollowUp);
    String agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    String report = http.get("/api/tenants/" + kb.tenantId() + "/agreements/" + agreementId
        + "/years/2027/report.html", kb.user(Role.POLICE_COORDINATOR), "test").body();
    assertThat(report).doesNotContain("<script").contains("&lt;script&gt;");
    JsonNode overview = http.json("/api/tenants/" + kb.tenantId() + "/overview?year=2027",
        kb.user(Role.POLICE_COORDINATOR), "test");
    assertThat(overview.path("activities").get(0).path("description").asText()).isEqualTo(HOSTILE);
  }

  @Test
  void theProjectsEndpointsAnswerBadRequestsWithA4xxAndASwedishMessage() throws Exception {
    driver.driveToSteeringDecision(cycle);
    String coordinator = kb.user(Role.POLICE_COORDINATOR);
    TestMunicipality other = TestMunicipality.create(identity, "Kävlinge");
    String agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    String base = "/api/tenants/" + kb.tenantId() + "/agreements/" + agreementId;

    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    answers.put("year not a number", http.get(base + "/years/abc/plan", coordinator, "test"));
    answers.put("SQL in an id", http.get("/api/tenants/" + kb.tenantId() + "/agreements/'%20or%201=1%20--",
        coordinator, "test"));
    answers.put("another municipality's agreement", http.get("/api/tenants/" + other.tenantId() + "/agreements/"
        + agreementId, coordinator, "test"));
    answers.put("a year outside the agreement", http.get(base + "/years/1999/plan", coordinator, "test"));
    answers.put("not JSON", http.post(base + "/years/2027/promises/1/occurrences", coordinator, "test", "{date:"));
    answers.put("a megabyte of note", http.post(base + "/years/2027/promises/1/occurrences", coordinator, "test",
        "{\"date\":\"2027-01-01\",\"note\":\"" + MEGABYTE + "\"}"));
    answers.put("a date of the wrong kind", http.post(base + "/years/2027/promises/1/occurrences", coordinator,
        "test", "{\"date\":[1,2,3]}"));
    answers.put("overview of a year of text", http.get("/api/tenants/" + kb.tenantId() + "/overview?year=nu",
        coordinator, "test"));
    answers.put("diagram without year", http.get("/api/tenants/" + kb.tenantId() + "/overview/diagram",
        coordinator, "test"));

    assertThat(answers).allSatisfy((what, response) -> {
      assertThat(response.statusCode()).as(what).isBetween(400, 499);
      String message = message(response);
      assertThat(message).as(what).isNotBlank().doesNotContain("Exception", "Failed to convert", "java.");
    });
    assertThat(json.readTree(answers.get("year not a number").body()).path("message").asText())
        .isEqualTo("year ska vara ett heltal, inte \"abc\"");
    assertThat(json.readTree(answers.get("not JSON").body()).path("message").asText())
        .startsWith("Begäran kunde inte läsas");
    assertThat(json.readTree(answers.get("a megabyte of note").body()).path("message").asText()).contains("för lång");
    assertThat(count("promise_occurrence")).isZero();
  }

  /** Sends each bad submit for the open task through the engine's REST API as one of its candidates. */
  private void refuseAll(String taskKey, Object... payloadsAndExpectations) throws Exception {
    Task task = driver.tasks(cycle, taskKey).get(0);
    String user = candidate(task);
    for (int i = 0; i < payloadsAndExpectations.length; i += 2) {
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = (Map<String, Object>) payloadsAndExpectations[i];
      String expected = (String) payloadsAndExpectations[i + 1];
      Map<String, Integer> before = counts();
      HttpResponse<String> response = http.post("/engine-rest/task/" + task.getId() + "/complete", user, "test",
          body(variables));
      assertThat(response.statusCode()).as("%s refused %s", taskKey, variables.keySet()).isEqualTo(400);
      String message = json.readTree(response.body()).path("message").asText();
      assertThat(message).as(taskKey).contains(expected);
      refusals.add(message);
      assertThat(counts()).as("nothing stored by the refused %s", taskKey).isEqualTo(before);
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }
  }

  private String message(HttpResponse<String> response) {
    try {
      return json.readTree(response.body()).path("message").asText();
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }

  private String candidate(Task task) {
    String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElse(null);
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (Role role : Role.values()) {
      if (role.groupId().equals(group)) {
        return kb.user(role);
      }
    }
    throw new AssertionError("No candidate for " + task.getTaskDefinitionKey());
  }

  private String body(Map<String, Object> variables) {
    ObjectNode root = json.createObjectNode();
    ObjectNode vars = root.putObject("variables");
    variables.forEach((name, value) -> {
      ObjectNode v = vars.putObject(name);
      String text = String.valueOf(value);
      boolean list = text.startsWith("[");
      v.put("value", text);
      v.put("type", list ? "Json" : "String");
    });
    return root.toString();
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    TABLES.forEach(t -> counts.put(t, count(t)));
    return counts;
  }

  private int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }
}
