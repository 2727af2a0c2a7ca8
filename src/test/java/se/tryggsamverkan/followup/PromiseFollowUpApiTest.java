package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.AGREEMENT_ID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import se.tryggsamverkan.support.TestMunicipality;

/** Recording when a promise was carried out, through the API, and reading how it is kept. */
@PostgresProcessTest
class PromiseFollowUpApiTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  Http http;
  TestMunicipality kb;
  String base;
  String agreementId;

  /** A plan for 2027 with the promise "Polisen genomför trafikkontroller", at least one a week. */
  @BeforeEach
  void aPlanFor2027WithAWeeklyPromise() {
    http = new Http(port);
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Kungsbacka");
    CycleDriver driver = new CycleDriver(engine, kb);
    ProcessInstance cycle = driver.cycle(driver.startAgreement("pf-" + kb.tenantId(),
        kb.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY")), 2027);
    driver.runDueTimers(cycle);
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning");
    driver.completeCauseAnalyses(cycle);
    driver.completeActionPlanAndPreparation(cycle, "Trafikkontroller");
    agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    base = "/api/tenants/" + kb.tenantId() + "/agreements/" + agreementId + "/years/2027/promises";
    Clock.setTo("2027-01-20T12:00");
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  private int stored() {
    return jdbc.sql("select count(*) from promise_occurrence where agreement_id = :a").param("a", agreementId)
        .query(Integer.class).single();
  }

  @Test
  void recordedControlsShowTheWeeklyPromiseOnTrack() {
    String police = kb.user(Role.POLICE_COORDINATOR);
    assertThat(http.post(base + "/1/occurrences", police, "test",
        "{\"date\":\"2027-01-05\",\"note\":\"Trafikkontroll vid Åsaskolan\"}").statusCode()).isEqualTo(201);
    var response = http.post(base + "/1/occurrences", kb.user(Role.ACTIVITY_OWNER), "test",
        "{\"date\":\"2027-01-12\"}");
    assertThat(response.statusCode()).isEqualTo(201);

    JsonNode progress = http.json(base + "/progress", kb.user(Role.MUNICIPAL_STEERING), "test").get(0);
    assertThat(progress.path("text").asText()).isEqualTo("Polisen genomför trafikkontroller");
    assertThat(progress.path("target").path("text").asText()).isEqualTo("minst 1 per vecka");
    assertThat(progress.path("verdict").asText()).isEqualTo("ON_TRACK");
    assertThat(progress.path("verdictName").asText()).isEqualTo("I fas");
    assertThat(progress.path("doneSoFar").asInt()).isEqualTo(2);
    assertThat(progress.path("expectedSoFar").asInt()).isEqualTo(2);
    assertThat(progress.path("occurrences")).extracting(JsonNode::asText).containsExactly("2027-01-05", "2027-01-12");
  }

  @Test
  void aMissedWeekPutsThePromiseAtRisk() {
    http.post(base + "/1/occurrences", kb.user(Role.POLICE_COORDINATOR), "test", "{\"date\":\"2027-01-05\"}");

    JsonNode progress = http.json(base + "/progress", kb.user(Role.POLICE_COORDINATOR), "test").get(0);
    assertThat(progress.path("verdict").asText()).isEqualTo("AT_RISK");
    assertThat(progress.path("verdictName").asText()).isEqualTo("I riskzonen");
  }

  @Test
  void badOccurrencesAreRefusedInSwedishAndNothingIsStored() {
    String police = kb.user(Role.POLICE_COORDINATOR);
    var outsideYear = http.post(base + "/1/occurrences", police, "test", "{\"date\":\"2026-12-31\"}");
    var future = http.post(base + "/1/occurrences", police, "test", "{\"date\":\"2027-02-01\"}");
    var noDate = http.post(base + "/1/occurrences", police, "test", "{}");
    var noSuchPromise = http.post(base + "/5/occurrences", police, "test", "{\"date\":\"2027-01-05\"}");
    var notADate = http.post(base + "/1/occurrences", police, "test", "{\"date\":\"igår\"}");

    assertThat(outsideYear.statusCode()).isEqualTo(400);
    assertThat(http.parse(outsideYear.body()).path("message").asText())
        .contains("Datum 2026-12-31 ligger inte i år 2027");
    assertThat(http.parse(future.body()).path("message").asText()).contains("Datum 2027-02-01 har inte kommit än");
    assertThat(http.parse(noDate.body()).path("message").asText()).contains("Datum måste fyllas i");
    assertThat(http.parse(noSuchPromise.body()).path("message").asText())
        .contains("Året 2027 har inget löfte nummer 5 (1–1)");
    assertThat(http.parse(notADate.body()).path("fieldErrors").path("date").asText())
        .isEqualTo("Datum är inget giltigt datum (skriv ÅÅÅÅ-MM-DD)");
    assertThat(stored()).isZero();
  }

  @Test
  void onlyTheMunicipalitysCoordinatorsAndActivityOwnersRecord() {
    TestMunicipality other = TestMunicipality.create(identity, "Kävlinge");
    String body = "{\"date\":\"2027-01-05\"}";

    assertThat(http.post(base + "/1/occurrences", kb.user(Role.POLICE_STEERING), "test", body).statusCode())
        .isEqualTo(403);
    assertThat(http.post(base + "/1/occurrences", other.user(Role.POLICE_COORDINATOR), "test", body).statusCode())
        .isEqualTo(403);
    assertThat(http.get(base + "/progress", other.user(Role.POLICE_COORDINATOR), "test").statusCode())
        .isEqualTo(403);
    assertThat(http.post(base + "/1/occurrences", null, null, body).statusCode()).isEqualTo(401);
    assertThat(http.get(base.replace("/2027/", "/2031/") + "/progress", kb.user(Role.POLICE_COORDINATOR), "test")
        .statusCode()).isEqualTo(404);
    assertThat(stored()).isZero();
  }
}
