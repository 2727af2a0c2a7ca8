package se.tryggsamverkan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;
import static se.tryggsamverkan.support.CycleDriver.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/** What coordinators submit in the forms comes back, entity by entity, from the tables through the read API. */
@PostgresProcessTest
class PlanRoundTripTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  Http http;
  CycleDriver driver;
  TestMunicipality kb;
  ProcessInstance agreement;
  ProcessInstance cycle;
  String base;

  @BeforeEach
  void agreementFor2027And2028() {
    init(engine);
    http = new Http(port);
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Kungsbacka");
    driver = new CycleDriver(engine, kb);
    agreement = driver.startAgreement("rt-" + kb.tenantId(),
        kb.agreementStart("2027-01-01", "2028-12-31", "MUNICIPALITY"));
    cycle = driver.cycle(agreement, 2027);
    driver.runDueTimers(cycle);
    String agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    base = "/api/tenants/" + kb.tenantId() + "/agreements/" + agreementId;
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  private JsonNode api(String path) {
    return http.json(base + path, kb.user(Role.POLICE_COORDINATOR), "test");
  }

  private String owner() {
    return kb.user(Role.ACTIVITY_OWNER);
  }

  private Object activities(String... rows) {
    return json("[" + String.join(",", rows) + "]");
  }

  private String activity(String description, String start, String end, String interval) {
    return "{\"focusArea\":\"Trygghet i trafik\",\"description\":\"" + description + "\",\"expectedEffect\":"
        + "\"Färre klagomål\",\"responsibleParty\":\"BOTH\",\"responsiblePerson\":\"" + owner() + "\","
        + "\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\",\"indicators\":\"Antal\","
        + "\"followUpInterval\":\"" + interval + "\"}";
  }

  @Test
  void everyEntityTypedIntoTheFormsComesBackFromTheApi() {
    driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, Map.of(SITUATION_PICTURE.name(), "Trafikbrott ökar",
        SITUATION_ENTRIES.name(), json("[{\"source\":\"CRIME_STATISTICS\",\"description\":\"Anmälda trafikbrott\","
            + "\"figure\":412,\"unit\":\"anmälda brott\"}]")));
    driver.complete(cycle, TASK_MUNICIPAL_SITUATION_PICTURE, Map.of(SITUATION_PICTURE.name(), "Otrygghet",
        SITUATION_ENTRIES.name(), json("[{\"source\":\"SAFETY_SURVEY\",\"description\":\"Otrygga platser\","
            + "\"figure\":\"60,5\",\"unit\":\"procent\"}]"),
        PLACES.name(), json("[{\"name\":\"Badhusparken\",\"kind\":\"UNSAFE_PLACE\",\"description\":\"Gäng\"}]")));
    driver.complete(cycle, TASK_MERGE_AND_PRIORITISE, Map.of(JOINT_SITUATION_PICTURE.name(), "Gemensam",
        FOCUS_AREAS.name(), json("[{\"name\":\"Trygghet i trafik\"},{\"name\":\"Narkotikaprevention\"}]"),
        PRIORITISED_PROBLEMS.name(), json("[{\"title\":\"Buskörning\",\"focusArea\":\"Trygghet i trafik\","
            + "\"description\":\"Vid skolor\"},{\"title\":\"Narkotika bland unga\"}]")));
    driver.completeCauseAnalyses(cycle);
    driver.complete(cycle, TASK_ACTION_PLAN, Map.of(
        ACTIVITIES.name(), activities(activity("Trafikkontroller", "2027-01-01", "2027-12-31", "MONTHLY"),
            activity("Åtgärdsplaner för skolor", "2027-02-01", "2027-06-30", "HALF_YEARLY")),
        PROMISES.name(), json("[{\"text\":\"Polisen genomför trafikkontroller\",\"party\":\"POLICE\","
            + "\"target\":\"minst 1 per vecka\"},{\"text\":\"Belysning ses över\",\"party\":\"MUNICIPALITY\"}]")));
    driver.complete(cycle, TASK_PREPARE_STEERING_GROUP, CycleDriver.preparation("Förslag"));
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);

    JsonNode situation = api("/years/2027/situation");
    assertThat(situation.path("entries")).hasSize(2);
    assertThat(situation.path("entries").get(0).path("party").asText()).isEqualTo("POLICE");
    assertThat(situation.path("entries").get(0).path("figure").decimalValue()).isEqualByComparingTo("412");
    assertThat(situation.path("entries").get(1).path("sourceName").asText())
        .isEqualTo("Trygghetsmätning / trygghetsenkät");
    assertThat(situation.path("entries").get(1).path("figure").decimalValue()).isEqualByComparingTo("60.5");
    assertThat(situation.path("places").get(0).path("name").asText()).isEqualTo("Badhusparken");

    JsonNode plan = api("/years/2027/plan");
    assertThat(plan.path("version").asInt()).isEqualTo(1);
    assertThat(plan.path("focusAreas")).extracting(JsonNode::asText)
        .containsExactly("Trygghet i trafik", "Narkotikaprevention");
    assertThat(plan.path("problems")).extracting(p -> p.path("title").asText())
        .containsExactly("Buskörning", "Narkotika bland unga");
    assertThat(plan.path("causeAnalyses")).extracting(c -> c.path("causes").asText())
        .containsExactlyInAnyOrder("Orsaker till Buskörning", "Orsaker till Narkotika bland unga");
    JsonNode first = plan.path("activities").get(0);
    assertThat(first.path("description").asText()).isEqualTo("Trafikkontroller");
    assertThat(first.path("responsiblePerson").asText()).isEqualTo(owner());
    assertThat(first.path("startDate").asText()).isEqualTo("2027-01-01");
    assertThat(first.path("followUpInterval").asText()).isEqualTo("MONTHLY");
    assertThat(plan.path("activities").get(1).path("endDate").asText()).isEqualTo("2027-06-30");

    JsonNode promises = api("/years/2027/promises");
    assertThat(promises.get(0).path("target").path("count").asInt()).isEqualTo(1);
    assertThat(promises.get(0).path("target").path("period").asText()).isEqualTo("WEEK");
    assertThat(promises.get(1).path("target").isNull()).isTrue();

    JsonNode decisions = api("/years/2027/decisions");
    assertThat(decisions).hasSize(2);
    assertThat(decisions).allSatisfy(d -> assertThat(d.path("verdict").asText()).isEqualTo("APPROVE"));
    assertThat(decisions).extracting(d -> d.path("planVersion").asInt()).containsOnly(1);

    assertThat(api("/years")).extracting(y -> y.path("year").asInt()).containsExactly(2027, 2028);
    assertThat(http.json("/api/tenants/" + kb.tenantId() + "/agreements", kb.user(Role.ACTIVITY_OWNER), "test"))
        .extracting(a -> a.path("municipality").asText()).containsExactly("Kungsbacka");
  }

  @Test
  void aReturnedPlanKeepsBothVersionsAndTheDecidersSeeWhatChanged() {
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning");
    driver.completeCauseAnalyses(cycle);
    driver.complete(cycle, TASK_ACTION_PLAN, Map.of(ACTIVITIES.name(),
        activities(activity("Trafikkontroller", "2027-01-01", "2027-06-30", "MONTHLY")),
        PROMISES.name(), json("[{\"text\":\"Trafikkontroller\",\"party\":\"POLICE\",\"target\":\"minst 1 per vecka\"}]")));
    driver.complete(cycle, TASK_PREPARE_STEERING_GROUP, CycleDriver.preparation("Förslag"));
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "RETURN", "Ange skolorna");
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);

    driver.complete(cycle, TASK_ACTION_PLAN, Map.of(ACTIVITIES.name(),
        activities(activity("Trafikkontroller", "2027-01-01", "2027-12-31", "MONTHLY"),
            activity("Åtgärdsplaner för Åsaskolan och Kollaskolan", "2027-02-01", "2027-06-30", "HALF_YEARLY")),
        PROMISES.name(), json("[{\"text\":\"Trafikkontroller\",\"party\":\"POLICE\",\"target\":\"minst 1 per vecka\"}]")));
    driver.complete(cycle, TASK_PREPARE_STEERING_GROUP, CycleDriver.preparation("Reviderat förslag"));

    String changes = PLAN_CHANGES.of(engine.getTaskService().getVariable(
        driver.task(cycle, TASK_POLICE_STEERING_DECISION).getId(), PLAN_CHANGES.name()));
    assertThat(changes).isEqualTo("Ändringar från version 1 till version 2:\n"
        + "- Ändrad aktivitet: Trafikkontroller (slutdatum 2027-12-31)\n"
        + "- Ny aktivitet: Åtgärdsplaner för Åsaskolan och Kollaskolan");

    JsonNode v1 = api("/years/2027/plan?version=1");
    JsonNode v2 = api("/years/2027/plan");
    assertThat(v2.path("versions")).extracting(JsonNode::asInt).containsExactly(1, 2);
    assertThat(v1.path("activities")).hasSize(1);
    assertThat(v1.path("activities").get(0).path("endDate").asText()).isEqualTo("2027-06-30");
    assertThat(v2.path("activities")).hasSize(2);
    assertThat(v2.path("changesFromPreviousVersion")).extracting(JsonNode::asText)
        .contains("Ny aktivitet: Åtgärdsplaner för Åsaskolan och Kollaskolan");
    JsonNode decisions = api("/years/2027/decisions");
    assertThat(decisions.get(0).path("round").asInt()).isEqualTo(1);
    assertThat(decisions).anySatisfy(d -> {
      assertThat(d.path("verdict").asText()).isEqualTo("RETURN");
      assertThat(d.path("comment").asText()).isEqualTo("Ange skolorna");
      assertThat(d.path("planVersion").asInt()).isEqualTo(1);
    });
    assertThat(http.get(base + "/years/2027/plan?version=3", kb.user(Role.POLICE_COORDINATOR), "test")
        .statusCode()).isEqualTo(404);
  }

  @Test
  void theNextYearStartsFromLastYearsFocusAreasUnfinishedActivitiesAndPromises() {
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning");
    driver.completeCauseAnalyses(cycle);
    driver.complete(cycle, TASK_ACTION_PLAN, Map.of(ACTIVITIES.name(),
        activities(activity("Avslutas i juni", "2027-01-01", "2027-06-30", "MONTHLY"),
            activity("Fortsätter nästa år", "2027-03-01", "2028-03-31", "QUARTERLY")),
        PROMISES.name(), json("[{\"text\":\"Trafikkontroller\",\"party\":\"POLICE\",\"target\":\"minst 1 per vecka\"}]")));

    Clock.setTo("2027-01-02T09:00");
    ProcessInstance next = driver.cycle(agreement, 2028);
    driver.runDueTimers(next);

    var runtime = engine.getRuntimeService();
    assertThat(runtime.getVariable(next.getId(), ACTIVITIES.name()).toString())
        .contains("Fortsätter nästa år", "2028-03-31").doesNotContain("Avslutas i juni");
    assertThat(runtime.getVariable(next.getId(), FOCUS_AREAS.name()).toString())
        .contains("Trygghet i trafik", "Trygghet i offentlig miljö");
    assertThat(runtime.getVariable(next.getId(), PROMISES.name()).toString())
        .contains("Trafikkontroller", "minst 1 per vecka");
  }

  @Test
  void aRenewedAgreementStartsFromThePreviousAgreementsLastYear() {
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning");
    TestMunicipality same = kb;
    ProcessInstance renewed = driver.startAgreement("rt2-" + same.tenantId(),
        same.agreementStart("2029-01-01", "2030-12-31", "MUNICIPALITY"));
    Clock.setTo("2028-01-02T09:00");
    ProcessInstance first = driver.cycle(renewed, 2029);
    driver.runDueTimers(first);

    assertThat(engine.getRuntimeService().getVariable(first.getId(), FOCUS_AREAS.name()).toString())
        .contains("Trygghet i trafik");
  }
}
