package se.tryggsamverkan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;
import static se.tryggsamverkan.support.CycleDriver.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;
import se.tryggsamverkan.support.WebappSession;

/**
 * Every rule on what coordinators submit: each refusal names the field in Swedish, and nothing of the submit is
 * stored (the rows and the task completion are one transaction).
 */
@PostgresProcessTest
class PlanValidationTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  CycleDriver driver;
  TestMunicipality municipality;
  ProcessInstance cycle;
  String agreementId;

  @BeforeEach
  void cycleForNextYearAtItsSituationPictures() {
    init(engine);
    Clock.setTo("2026-01-02T09:00");
    municipality = TestMunicipality.create(identity, "Kungsbacka");
    driver = new CycleDriver(engine, municipality);
    ProcessInstance agreement = driver.startAgreement("val-" + municipality.tenantId(),
        municipality.agreementStart("2027-01-01", "2028-12-31", "MUNICIPALITY"));
    cycle = driver.cycle(agreement, 2027);
    driver.runDueTimers(cycle);
    agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  private int rows(String table) {
    return jdbc.sql("select count(*) from " + table + " where agreement_id = :a").param("a", agreementId)
        .query(Integer.class).single();
  }

  private void toActionPlan() {
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning vid skolor");
    driver.completeCauseAnalyses(cycle);
  }

  private static String activity(String field, String value) {
    Map<String, String> row = new HashMap<>(Map.of("focusArea", "Trygghet i trafik",
        "description", "Trafikkontroller vid skolor", "expectedEffect", "Färre klagomål",
        "responsibleParty", "POLICE", "responsiblePerson", "RESPONSIBLE", "startDate", "2027-03-01",
        "endDate", "2027-11-30", "indicators", "Antal kontroller", "followUpInterval", "QUARTERLY"));
    if (field != null) {
      row.put(field, value);
    }
    StringBuilder json = new StringBuilder("{");
    row.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
        .append(v == null ? "null" : "\"" + v + "\""));
    return json.append('}').toString();
  }

  private void refusesActionPlan(String activitiesJson, String promisesJson, String message) {
    String activities = activitiesJson.replace("RESPONSIBLE", municipality.user(Role.ACTIVITY_OWNER));
    Map<String, Object> vars = new HashMap<>();
    vars.put(ACTIVITIES.name(), json(activities));
    vars.put(PROMISES.name(), json(promisesJson));
    assertThatThrownBy(() -> driver.complete(cycle, TASK_ACTION_PLAN, vars))
        .hasMessageContaining("Uppgifterna kunde inte sparas").hasMessageContaining(message);
    assertThat(rows("plan_version")).as("no plan version stored").isZero();
    assertThat(rows("activity")).isZero();
    assertThat(rows("citizen_promise")).isZero();
    assertThat(cycle).isWaitingAt(TASK_ACTION_PLAN);
  }

  private static final String PROMISE = "[{\"text\":\"Trafikkontroller\",\"party\":\"POLICE\",\"target\":\"minst 1 per vecka\"}]";

  @Test
  void anActivityWithoutARequiredFieldIsRefused() {
    toActionPlan();
    refusesActionPlan("[" + activity("expectedEffect", "") + "]", PROMISE,
        "Aktivitet 1: Förväntad effekt måste fyllas i (activities[0].expectedEffect)");
  }

  @Test
  void anActivityEndingBeforeItStartsIsRefused() {
    toActionPlan();
    refusesActionPlan("[" + activity(null, null) + "," + activity("endDate", "2027-02-01") + "]", PROMISE,
        "Aktivitet 2: Slutdatum 2027-02-01 får inte vara före startdatum 2027-03-01");
  }

  @Test
  void anActivityStartingBeforeTheAgreementsPeriodIsRefused() {
    toActionPlan();
    refusesActionPlan("[" + activity("startDate", "2026-11-01") + "]", PROMISE,
        "Aktivitet 1: Startdatum 2026-11-01 ligger utanför överenskommelsens period 2027-01-01–2028-12-31");
  }

  @Test
  void anActivityEndingAfterTheAgreementsPeriodIsRefused() {
    toActionPlan();
    refusesActionPlan("[" + activity("endDate", "2029-01-31") + "]", PROMISE,
        "Aktivitet 1: Slutdatum 2029-01-31 ligger utanför överenskommelsens period");
  }

  @Test
  void aDateThatIsNoDateIsRefused() {
    toActionPlan();
    refusesActionPlan("[" + activity("startDate", "första mars") + "]", PROMISE,
        "Aktivitet 1: Startdatum är inget giltigt datum (skriv ÅÅÅÅ-MM-DD)");
  }

  @Test
  void aResponsiblePersonWhoIsNotAUserOfTheMunicipalityIsRefused() {
    TestMunicipality other = TestMunicipality.create(identity, "Kävlinge");
    toActionPlan();
    refusesActionPlan("[" + activity("responsiblePerson", other.user(Role.ACTIVITY_OWNER)) + "]", PROMISE,
        "Aktivitet 1: Ansvarig person '" + other.user(Role.ACTIVITY_OWNER) + "' är ingen användare i kommunen");
  }

  @Test
  void aFocusAreaThatIsNotOneOfTheYearsIsRefused() {
    toActionPlan();
    refusesActionPlan("[" + activity("focusArea", "Cyberbrott") + "]", PROMISE,
        "Aktivitet 1: Fokusområdet 'Cyberbrott' finns inte bland årets fokusområden");
  }

  @Test
  void aPromiseTargetThatCannotBeReadIsRefused() {
    toActionPlan();
    refusesActionPlan("[" + activity(null, null) + "]",
        "[{\"text\":\"Trafikkontroller\",\"party\":\"POLICE\",\"target\":\"ofta\"}]",
        "Löfte 1: Målet 'ofta' kan inte läsas: skriv till exempel \"minst 1 per vecka\"");
  }

  @Test
  void aPlanWithoutActivitiesOrPromisesIsRefused() {
    toActionPlan();
    refusesActionPlan("[]", "[]", "Ange minst en aktivitet");
    refusesActionPlan("[" + activity(null, null) + "]", "[{\"text\":\"\",\"party\":\"\"}]",
        "Ange minst ett förslag till medborgarlöfte");
  }

  @Test
  void aPromiseWithoutAPartyIsRefused() {
    toActionPlan();
    refusesActionPlan("[" + activity(null, null) + "]", "[{\"text\":\"Trafikkontroller\"}]",
        "Löfte 1: Vem lovar måste väljas");
  }

  @Test
  void aSituationEntryWithAFigureThatIsNoNumberIsRefusedAndNothingIsStored() {
    Map<String, Object> vars = Map.of(SITUATION_PICTURE.name(), "Trafikbrott ökar", SITUATION_ENTRIES.name(),
        json("[{\"source\":\"CRIME_STATISTICS\",\"description\":\"Anmälda brott\",\"figure\":\"många\"},"
            + "{\"source\":\"GOSSIP\",\"description\":\"Hörsägen\"}]"));

    assertThatThrownBy(() -> driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, vars))
        .hasMessageContaining("Underlag 1: Siffran 'många' är inget tal")
        .hasMessageContaining("Underlag 2: Källa: 'GOSSIP' är inget giltigt val");
    assertThat(rows("situation_entry")).isZero();
    assertThat(cycle).isWaitingAt(TASK_POLICE_SITUATION_PICTURE);
  }

  /** A figure of −5 was stored; the form's minimum is 0, and 0 itself is a figure. */
  @Test
  void aNegativeFigureIsRefusedAndZeroIsTaken() {
    Map<String, Object> negative = Map.of(SITUATION_PICTURE.name(), "Trafikbrott ökar", SITUATION_ENTRIES.name(),
        json("[{\"source\":\"CRIME_STATISTICS\",\"description\":\"Anmälda brott\",\"figure\":-5}]"));
    assertThatThrownBy(() -> driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, negative))
        .hasMessageContaining("Underlag 1: Siffran får inte vara mindre än 0");
    assertThat(rows("situation_entry")).isZero();

    driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, Map.of(SITUATION_PICTURE.name(), "Trafikbrott ökar",
        SITUATION_ENTRIES.name(), json("[{\"source\":\"CRIME_STATISTICS\",\"description\":\"Anmälda brott\","
            + "\"figure\":0}]")));
    assertThat(rows("situation_entry")).isEqualTo(1);
  }

  @Test
  void aPlaceWithoutNameOrKindIsRefused() {
    Map<String, Object> vars = Map.of(SITUATION_PICTURE.name(), "Otrygghet",
        PLACES.name(), json("[{\"description\":\"mörkt\"}]"));

    assertThatThrownBy(() -> driver.complete(cycle, TASK_MUNICIPAL_SITUATION_PICTURE, vars))
        .hasMessageContaining("Plats 1: Namn måste fyllas i").hasMessageContaining("Plats 1: Typ måste väljas");
    assertThat(rows("place")).isZero();
  }

  @Test
  void aSituationPictureWithoutItsSummaryIsRefused() {
    assertThatThrownBy(() -> driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, Map.of()))
        .hasMessageContaining("Lägesbild måste fyllas i");
    assertThat(cycle).isWaitingAt(TASK_POLICE_SITUATION_PICTURE);
  }

  @Test
  void aPrioritisationWithoutFocusAreasOrWithAProblemOutsideThemIsRefused() {
    driver.completeSituationPictures(cycle);

    assertThatThrownBy(() -> driver.complete(cycle, TASK_MERGE_AND_PRIORITISE, Map.of(
        JOINT_SITUATION_PICTURE.name(), "Gemensam", FOCUS_AREAS.name(), json("[]"),
        PRIORITISED_PROBLEMS.name(), json("[{\"title\":\"Buskörning\"}]"))))
        .hasMessageContaining("Ange minst ett fokusområde");
    assertThatThrownBy(() -> driver.complete(cycle, TASK_MERGE_AND_PRIORITISE, Map.of(
        JOINT_SITUATION_PICTURE.name(), "Gemensam", FOCUS_AREAS.name(), json("[{\"name\":\"Trafik\"}]"),
        PRIORITISED_PROBLEMS.name(), json("[{\"title\":\"Buskörning\",\"focusArea\":\"Narkotika\"}]"))))
        .hasMessageContaining("Problem 1: fokusområdet 'Narkotika' finns inte bland årets fokusområden");
    assertThat(rows("focus_area")).isZero();
    assertThat(rows("prioritised_problem")).isZero();
    assertThat(cycle).isWaitingAt(TASK_MERGE_AND_PRIORITISE);
  }

  /**
   * Through both doors a user has (Camunda's REST API, and the web applications' copy of it that Tasklist submits
   * forms to): 400 with the Swedish message alone, nothing stored, and the log says a refusal, not a server error.
   */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aRefusalThroughTheRestApiAnswers400WithOnlyTheSwedishMessage(CapturedOutput log) throws Exception {
    toActionPlan();
    String taskId = driver.task(cycle, TASK_ACTION_PLAN).getId();
    String body = "{\"variables\":{\"activities\":{\"type\":\"Json\",\"value\":\"[]\"},"
        + "\"promises\":{\"type\":\"Json\",\"value\":\"[]\"}}}";
    String refusal = "Uppgifterna kunde inte sparas: Ange minst en aktivitet (activities); "
        + "Ange minst ett förslag till medborgarlöfte (promises)";

    var rest = new Http(port).post("/engine-rest/task/" + taskId + "/submit-form",
        municipality.user(Role.POLICE_COORDINATOR), "test", body);
    var webapp = WebappSession.logIn(port, municipality.user(Role.POLICE_COORDINATOR))
        .send("POST", WebappSession.ENGINE_API + "/task/" + taskId + "/submit-form", body);

    for (var response : List.of(rest, webapp)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(new Http(port).parse(response.body()).path("message").asText()).isEqualTo(refusal);
    }
    assertThat(rows("plan_version")).isZero();
    assertThat(log.getOut()).contains("Refused POST /engine-rest/task/" + taskId + "/submit-form: " + refusal)
        .contains("Refused POST /camunda/api/engine/engine/default/task/" + taskId + "/submit-form: " + refusal)
        .doesNotContain("ENGINE-REST-HTTP500");
  }
}
