package se.tryggsamverkan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
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
import se.tryggsamverkan.support.WebappSession;

/**
 * The engine's own REST API, called with another municipality's ids as each of its roles: a task's attachments
 * (where the yearly report PDF was kept) are closed to every user, and another municipality's task is not found,
 * never a server error. Issue 12: a user of one municipality read and deleted another's report PDF this way, and
 * claiming or completing another's task answered 500.
 */
@PostgresProcessTest
class EngineDoorsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  TestMunicipality kungsbacka;
  TestMunicipality kavlinge;
  Task kungsbackasTask;
  Task kungsbackasDoneTask;
  Attachment report;
  Attachment reportOfTheDoneTask;

  @BeforeEach
  void kungsbackaHasAReportAttachedToAnOpenAndADoneTask() {
    Clock.setTo("2025-01-02T08:00");
    kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    kavlinge = TestMunicipality.create(identity, "Kävlinge");
    CycleDriver driver = new CycleDriver(engine, kungsbacka);
    ProcessInstance cycle = driver.cycleAtTheSituationPictures("doors-" + kungsbacka.tenantId(), 2025);
    kungsbackasTask = driver.task(cycle, "Task_PoliceSituationPicture");
    kungsbackasDoneTask = driver.task(cycle, "Task_MunicipalSituationPicture");
    report = attach(kungsbackasTask);
    reportOfTheDoneTask = attach(kungsbackasDoneTask);
    driver.complete(cycle, "Task_MunicipalSituationPicture", java.util.Map.of("situationPicture",
        "Kommunens lägesbild", "situationEntries", CycleDriver.json("[]")));
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void noUserOfAnyRoleReadsOrDeletesAnotherMunicipalitysReportOrReachesItsTask() {
    Http http = new Http(port);
    List<String> failures = new ArrayList<>();
    int calls = 0;
    List<String> users = new ArrayList<>();
    for (Role role : Role.values()) {
      users.add(kavlinge.user(role));
    }
    // the municipality's own users do not use the engine's attachments either
    users.add(kungsbacka.user(Role.POLICE_COORDINATOR));
    users.add(kungsbacka.user(Role.MUNICIPAL_COORDINATOR));
    for (String user : users) {
      for (Task task : List.of(kungsbackasTask, kungsbackasDoneTask)) {
        Attachment attachment = task == kungsbackasTask ? report : reportOfTheDoneTask;
        String base = "/engine-rest/task/" + task.getId() + "/attachment";
        for (String[] door : new String[][] {{"GET", base}, {"GET", base + "/" + attachment.getId()},
            {"GET", base + "/" + attachment.getId() + "/data"}, {"DELETE", base + "/" + attachment.getId()},
            {"POST", base + "/create"}}) {
          HttpResponse<String> response = http.send(door[0], door[1], user, "test", door[0].equals("POST") ? "{}"
              : null);
          calls++;
          if (response.statusCode() != 403 || !response.body().contains("Bilagor hanteras inte här")) {
            failures.add(user + " " + door[0] + " " + door[1] + " -> " + response.statusCode());
          }
        }
      }
    }
    for (Role role : Role.values()) {
      String user = kavlinge.user(role);
      String task = "/engine-rest/task/" + kungsbackasTask.getId();
      for (String[] door : new String[][] {{"POST", task + "/claim", "{\"userId\":\"" + user + "\"}"},
          {"POST", task + "/complete", "{}"}, {"POST", task + "/submit-form", "{}"},
          {"POST", task + "/assignee", "{\"userId\":\"" + user + "\"}"}, {"GET", task + "/variables", null},
          {"GET", task + "/form-variables", null}, {"GET", task, null}}) {
        HttpResponse<String> response = http.send(door[0], door[1], user, "test", door[2]);
        calls++;
        if (response.statusCode() >= 500 || response.statusCode() < 400) {
          failures.add(user + " " + door[0] + " " + door[1] + " -> " + response.statusCode() + " "
              + response.body());
        }
      }
    }
    System.out.printf("EngineDoorsTest: %d calls as %d users of another municipality or its own coordinators%n",
        calls, users.size());

    assertThat(failures).as("doors that opened or answered a server error").isEmpty();
    assertThat(engine.getTaskService().getTaskAttachment(kungsbackasTask.getId(), report.getId()))
        .as("still there after the deletes").isNotNull();
    assertThat(engine.getTaskService().getAttachment(reportOfTheDoneTask.getId())).isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().taskId(kungsbackasTask.getId()).singleResult()
        .getAssignee()).as("nobody of another municipality claimed it").isNull();
  }

  /** The same doors through the web applications' own API, with a Tasklist login (session cookie and CSRF token). */
  @Test
  void theWebApplicationsApiKeepsTheSameDoorsClosed() throws Exception {
    String user = kavlinge.user(Role.POLICE_COORDINATOR);
    WebappSession session = WebappSession.logIn(port, user);
    String base = WebappSession.ENGINE_API + "/task/" + kungsbackasDoneTask.getId() + "/attachment/"
        + reportOfTheDoneTask.getId();
    for (String[] door : new String[][] {{"GET", base + "/data"}, {"GET", base}, {"DELETE", base}}) {
      HttpResponse<String> response = session.send(door[0], door[1], null);
      assertThat(response.statusCode()).as("%s %s", door[0], door[1]).isEqualTo(403);
      assertThat(response.body()).as("%s %s", door[0], door[1]).contains("Bilagor hanteras inte här");
    }
    HttpResponse<String> claim = session.send("POST", WebappSession.ENGINE_API + "/task/" + kungsbackasTask.getId()
        + "/claim", "{\"userId\":\"" + user + "\"}");
    assertThat(claim.statusCode()).as("claim through the webapp: %s", claim.body()).isEqualTo(404);
    assertThat(engine.getTaskService().getAttachment(reportOfTheDoneTask.getId())).isNotNull();
  }

  /** Both answered 500: a task id that does not exist, and an agreement started for another municipality. */
  @Test
  void anUnknownTaskIsNotFoundAndAnAgreementForAnotherMunicipalityIsForbidden() throws Exception {
    Http http = new Http(port);
    String user = kavlinge.user(Role.POLICE_COORDINATOR);

    HttpResponse<String> unknown = http.send("POST", "/engine-rest/task/finns-inte/complete", user, "test", "{}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).contains("finns inte");

    var start = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    var variables = start.putObject("variables");
    kungsbacka.agreementStart("2026-01-01", "2027-12-31", "MUNICIPALITY")
        .forEach((name, value) -> variables.putObject(name).put("value", String.valueOf(value)));
    HttpResponse<String> foreign = http.send("POST",
        "/engine-rest/process-definition/key/collaborationAgreement/submit-form", user, "test", start.toString());
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    assertThat(foreign.body()).contains("Du kan bara starta ärenden för din egen kommun");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("collaborationAgreement")
        .tenantIdIn(kungsbacka.tenantId()).count()).as("only the agreement of the set-up").isEqualTo(1);
  }

  @Test
  void anotherMunicipalitysTaskIsNotFoundWithASwedishMessage() {
    HttpResponse<String> response = new Http(port).send("POST", "/engine-rest/task/" + kungsbackasTask.getId()
        + "/claim", kavlinge.user(Role.POLICE_COORDINATOR), "test", "{\"userId\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("finns inte").doesNotContain("ENGINE-");
  }

  private Attachment attach(Task task) {
    return engine.getTaskService().createAttachment("application/pdf", task.getId(), null, "uppfoljning.pdf",
        "Årlig uppföljningsrapport", new ByteArrayInputStream("%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
  }
}
