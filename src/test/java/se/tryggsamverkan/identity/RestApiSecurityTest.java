package se.tryggsamverkan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/** The engine's REST API answers only authenticated users, and only with their own municipality's work. */
@PostgresProcessTest
class RestApiSecurityTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  final ObjectMapper json = new ObjectMapper();
  TestMunicipality kungsbacka;
  TestMunicipality kavlinge;

  @BeforeEach
  void twoMunicipalitiesWithOpenSituationPictures() {
    Clock.setTo("2025-01-02T08:00");
    kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    kavlinge = TestMunicipality.create(identity, "Kävlinge");
    for (TestMunicipality m : new TestMunicipality[] {kungsbacka, kavlinge}) {
      CycleDriver driver = new CycleDriver(engine, m);
      ProcessInstance agreement = driver.startAgreement("rest-" + m.tenantId(),
          m.agreementStart("2025-01-01", "2025-12-31", "MUNICIPALITY"));
      driver.runDueTimers(driver.cycle(agreement, 2025));
    }
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void anAnonymousCallerIsRefused() throws Exception {
    HttpResponse<String> response = get("/engine-rest/task", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    HttpResponse<String> response = get("/engine-rest/task", kungsbacka.user(Role.POLICE_COORDINATOR), "fel");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void aPoliceCoordinatorSeesOnlyTheirOwnMunicipalitysTasks() throws Exception {
    HttpResponse<String> response = get("/engine-rest/task", kungsbacka.user(Role.POLICE_COORDINATOR), "test");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode tasks = json.readTree(response.body());
    assertThat(tasks).isNotEmpty();
    assertThat(tasks).allSatisfy(t -> assertThat(t.path("tenantId").asText()).isEqualTo(kungsbacka.tenantId()));
    assertThat(tasks).extracting(t -> t.path("taskDefinitionKey").asText()).contains("Task_PoliceSituationPicture");
  }

  @Test
  void anotherMunicipalitysTaskCannotBeFetchedOrCompletedById() throws Exception {
    String kavlingeTask = engine.getTaskService().createTaskQuery().tenantIdIn(kavlinge.tenantId())
        .taskDefinitionKey("Task_PoliceSituationPicture").singleResult().getId();
    String intruder = kungsbacka.user(Role.POLICE_COORDINATOR);

    assertThat(get("/engine-rest/task/" + kavlingeTask, intruder, "test").statusCode()).isEqualTo(404);
    HttpResponse<String> complete = post("/engine-rest/task/" + kavlingeTask + "/complete", intruder, "test",
        "{\"variables\":{\"situationPicture\":{\"value\":\"intrång\"}}}");
    // not found, as if it did not exist (the engine itself answers 500: EngineApiGuard); the task is untouched
    assertThat(complete.statusCode()).isEqualTo(404);
    assertThat(complete.body()).contains("finns inte").doesNotContain("ENGINE-", kavlingeTask);
    assertThat(engine.getTaskService().createTaskQuery().taskId(kavlingeTask).count()).isEqualTo(1);
  }

  private HttpResponse<String> get(String path, String user, String password) {
    return new Http(port).get(path, user, password);
  }

  private HttpResponse<String> post(String path, String user, String password, String body) {
    return new Http(port).post(path, user, password, body);
  }
}
