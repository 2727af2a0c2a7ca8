package se.tryggsamverkan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.AGREEMENT_ID;

import java.util.List;
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

/** Another municipality's user gets 403 or 404 from every endpoint of the read API, and never a row. */
@PostgresProcessTest
class PlanApiSecurityTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  Http http;
  TestMunicipality owner;
  TestMunicipality intruder;
  String agreementId;

  @BeforeEach
  void aMunicipalityWithAPlanAndAnotherMunicipality() {
    http = new Http(port);
    Clock.setTo("2026-01-02T09:00");
    owner = TestMunicipality.create(identity, "Kungsbacka");
    intruder = TestMunicipality.create(identity, "Kävlinge");
    CycleDriver driver = new CycleDriver(engine, owner);
    ProcessInstance cycle = driver.cycleAtTheSituationPictures("sec-" + owner.tenantId(), 2027);
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning");
    driver.completeCauseAnalyses(cycle);
    driver.completeActionPlanAndPreparation(cycle, "Trafikkontroller");
    agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  private List<String> endpoints(String tenant) {
    String a = "/api/tenants/" + tenant + "/agreements";
    return List.of(a, a + "/" + agreementId, a + "/" + agreementId + "/years",
        a + "/" + agreementId + "/years/2027/situation", a + "/" + agreementId + "/years/2027/plan",
        a + "/" + agreementId + "/years/2027/plan?version=1", a + "/" + agreementId + "/years/2027/promises",
        a + "/" + agreementId + "/years/2027/decisions");
  }

  @Test
  void theOwnersCoordinatorReadsEveryEndpoint() {
    for (String path : endpoints(owner.tenantId())) {
      assertThat(http.get(path, owner.user(Role.MUNICIPAL_COORDINATOR), "test").statusCode()).as(path)
          .isEqualTo(200);
    }
  }

  @Test
  void anotherMunicipalitysUserIsForbiddenTheOwnersPaths() {
    for (String path : endpoints(owner.tenantId())) {
      var response = http.get(path, intruder.user(Role.POLICE_COORDINATOR), "test");
      assertThat(response.statusCode()).as(path).isEqualTo(403);
      assertThat(response.body()).as(path).contains("Du har inte behörighet till kommunen")
          .doesNotContain("Trafikkontroller", "Buskörning");
    }
  }

  @Test
  void anotherMunicipalitysUserFindsNothingUnderTheirOwnPath() {
    for (String path : endpoints(intruder.tenantId()).subList(1, 8)) {
      var response = http.get(path, intruder.user(Role.POLICE_COORDINATOR), "test");
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("Trafikkontroller", "Buskörning");
    }
    assertThat(http.json("/api/tenants/" + intruder.tenantId() + "/agreements",
        intruder.user(Role.POLICE_COORDINATOR), "test")).isEmpty();
  }

  @Test
  void anAnonymousCallerAndAWrongPasswordAreRefused() {
    for (String path : endpoints(owner.tenantId())) {
      assertThat(http.get(path, null, null).statusCode()).as(path).isEqualTo(401);
      assertThat(http.get(path, owner.user(Role.POLICE_COORDINATOR), "fel").statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void aYearOutsideTheAgreementIsNotFound() {
    var response = http.get("/api/tenants/" + owner.tenantId() + "/agreements/" + agreementId + "/years/2031/plan",
        owner.user(Role.POLICE_COORDINATOR), "test");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Överenskommelsen gäller inte år 2031");
  }

  @Test
  void theOpenApiDescriptionListsEveryEndpoint() {
    var response = http.get("/v3/api-docs", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/api/tenants/{tenantId}/agreements/{agreementId}/years/{year}/plan",
        "/api/tenants/{tenantId}/agreements/{agreementId}/years/{year}/decisions",
        "/api/tenants/{tenantId}/agreements/{agreementId}/years/{year}/promises",
        "/api/tenants/{tenantId}/agreements/{agreementId}/years/{year}/situation", "\"basic\"");
  }
}
