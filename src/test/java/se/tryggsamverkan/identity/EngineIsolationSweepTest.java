package se.tryggsamverkan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.springframework.test.annotation.DirtiesContext;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;
import se.tryggsamverkan.support.WebappSession;

/**
 * Every path and method of Camunda's REST API, as its own description lists them
 * ({@code camunda-engine-rest-openapi}), called by every role of another municipality with Kungsbacka's ids in the
 * path: no answer may carry Kungsbacka's work (its task and instance ids, attachment, comment or the text typed into
 * its form), nothing of Kungsbacka's may change, and no answer may be a server error. Writes are tried too, so the
 * application context is thrown away afterwards.
 */
@PostgresProcessTest
@DirtiesContext
class EngineIsolationSweepTest {

  private static final String SECRET = "HEMLIG-LAGESBILD-KUNGSBACKA";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  TestMunicipality kungsbacka;
  TestMunicipality kavlinge;
  final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeEach
  void kungsbackaWithOpenAndDoneWorkAndKavlingeBeside() {
    Clock.setTo("2026-01-02T09:00");
    kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    kavlinge = TestMunicipality.create(identity, "Kävlinge");
    CycleDriver driver = new CycleDriver(engine, kungsbacka);
    ProcessInstance agreement = driver.startAgreement("sweep-" + kungsbacka.tenantId(),
        kungsbacka.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY"));
    ProcessInstance cycle = driver.cycle(agreement, 2027);
    driver.runDueTimers(cycle);
    Task done = driver.task(cycle, "Task_MunicipalSituationPicture");
    Task open = driver.task(cycle, "Task_PoliceSituationPicture");
    var attachment = engine.getTaskService().createAttachment("application/pdf", open.getId(), null, "rapport.pdf",
        SECRET, new ByteArrayInputStream("%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
    var comment = engine.getTaskService().createComment(open.getId(), cycle.getId(), SECRET);
    engine.getTaskService().complete(done.getId(), Map.of("situationPicture", SECRET,
        "situationEntries", CycleDriver.json("[]")));
    new CycleDriver(engine, kavlinge).startAgreement("sweep-" + kavlinge.tenantId(),
        kavlinge.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY"));
    ids.put("task", open.getId());
    ids.put("doneTask", done.getId());
    ids.put("cycle", cycle.getId());
    ids.put("agreement", agreement.getId());
    ids.put("attachment", attachment.getId());
    ids.put("comment", comment.getId());
    ids.put("variable", engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(cycle.getId())
        .variableName("agreementId").singleResult().getId());
    ids.put("job", engine.getManagementService().createJobQuery().processInstanceId(agreement.getId()).list()
        .stream().findFirst().map(j -> j.getId()).orElse("ingen-jobb"));
    ids.put("activityInstance", engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(cycle.getId()).list().get(0).getId());
    ids.put("definition", cycle.getProcessDefinitionId());
    ids.put("deployment", engine.getRepositoryService().getProcessDefinition(cycle.getProcessDefinitionId())
        .getDeploymentId());
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void noRoleOfAnotherMunicipalityReachesKungsbackasWorkThroughAnyEndpoint() throws Exception {
    JsonNode api;
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      api = new ObjectMapper().readTree(in);
    }
    Http http = new Http(port);
    Map<Role, WebappSession> sessions = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      sessions.put(role, WebappSession.logIn(port, kavlinge.user(role)));
    }
    List<String> secrets = List.of(SECRET, ids.get("task"), ids.get("doneTask"), ids.get("cycle"),
        ids.get("agreement"), ids.get("attachment"), ids.get("comment"), ids.get("variable"));
    List<String> leaks = new ArrayList<>();
    List<String> serverErrors = new ArrayList<>();
    int endpoints = 0;
    int calls = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase();
        if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
          continue;
        }
        endpoints++;
        List<String> urls = new ArrayList<>(List.of(fill(path.getKey())));
        if (path.getKey().startsWith("/task/{id}")) {
          // and a completed task, which the engine no longer checks as a task
          urls.add(urls.get(0).replace(ids.get("task"), ids.get("doneTask")));
        }
        for (String url : urls) {
        for (Role role : Role.values()) {
        // both doors: the REST API with HTTP Basic, and the web applications' API with a Tasklist login
        for (String door : List.of("/engine-rest", WebappSession.ENGINE_API)) {
          String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
          HttpResponse<String> response = door.equals("/engine-rest")
              ? http.send(method, door + url, kavlinge.user(role), "test", body)
              : sessions.get(role).send(method, door + url, body);
          calls++;
          if (response.statusCode() >= 500) {
            serverErrors.add(method + " " + door + path.getKey() + " as " + role + " -> " + response.statusCode() + " "
                + abbreviate(response.body()));
          }
          if (response.statusCode() < 300 && secrets.stream().anyMatch(response.body()::contains)) {
            leaks.add(method + " " + door + url + " as " + role + " -> " + response.statusCode() + " "
                + abbreviate(response.body()));
          }
        }
        }
        }
      }
    }
    System.out.printf("EngineIsolationSweepTest: %d endpoints x %d roles x 2 doors (/engine-rest, the webapps' "
        + "/camunda/api/engine) = %d calls; %d leaks, %d server errors%n", endpoints, Role.values().length, calls,
        leaks.size(), serverErrors.size());
    serverErrors.stream().limit(200).forEach(e -> System.out.println("  5xx " + e));

    assertThat(leaks).as("answers carrying Kungsbacka's work").isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().taskId(ids.get("task")).singleResult())
        .as("Kungsbacka's open task is still there, untaken").isNotNull()
        .satisfies(t -> assertThat(t.getAssignee()).isNull());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(ids.get("cycle"))
        .active().count()).as("the cycle runs, not suspended").isEqualTo(1);
    assertThat(engine.getTaskService().getAttachment(ids.get("attachment"))).isNotNull();
    assertThat(engine.getTaskService().getTaskComments(ids.get("task"))).hasSize(1);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(ids.get("deployment")).count())
        .isEqualTo(1);
    assertThat(engine.getRepositoryService().getProcessDefinition(ids.get("definition")).isSuspended()).isFalse();
    assertThat(serverErrors).as("server errors for another municipality's calls").isEmpty();
  }

  /**
   * The third door: Cockpit's own API under {@code /camunda/api/cockpit/plugin/base/default}, which runs its own
   * queries beside the engine's services (the process instances, incidents, statistics and called processes that
   * Cockpit's pages show). Every resource of the base plugin in 7.24, read and queried, with and without Kungsbacka's
   * ids, as every role of Kävlinge.
   */
  @Test
  void noRoleOfAnotherMunicipalityReachesKungsbackasWorkThroughCockpitsOwnApi() throws Exception {
    String base = "/camunda/api/cockpit/plugin/base/default";
    String byDefinition = "{\"processDefinitionId\":\"" + ids.get("definition") + "\"}";
    String byInstance = "{\"processInstanceIds\":[\"" + ids.get("cycle") + "\"],\"processDefinitionKey\":"
        + "\"yearlyCycle\",\"tenantIdIn\":[\"" + kungsbacka.tenantId() + "\"]}";
    List<String[]> endpoints = List.of(
        new String[] {"GET", "/process-definition/statistics", null},
        new String[] {"GET", "/process-definition/statistics?tenantIdIn=" + kungsbacka.tenantId(), null},
        new String[] {"GET", "/process-definition/statistics-count", null},
        new String[] {"GET", "/process-definition/" + ids.get("definition") + "/called-process-definitions", null},
        new String[] {"POST", "/process-definition/" + ids.get("definition") + "/called-process-definitions",
            byDefinition},
        new String[] {"POST", "/process-instance", byInstance},
        new String[] {"POST", "/process-instance", "{}"},
        new String[] {"POST", "/process-instance/count", byInstance},
        new String[] {"GET", "/process-instance/" + ids.get("agreement") + "/called-process-instances", null},
        new String[] {"POST", "/process-instance/" + ids.get("agreement") + "/called-process-instances", "{}"},
        new String[] {"GET", "/incident?processDefinitionIdIn=" + ids.get("definition"), null},
        new String[] {"POST", "/incident", "{\"processInstanceIdIn\":[\"" + ids.get("cycle") + "\"]}"},
        new String[] {"GET", "/incident/count", null},
        new String[] {"POST", "/incident/count", "{}"});
    List<String> secrets = List.of(SECRET, ids.get("task"), ids.get("doneTask"), ids.get("cycle"),
        ids.get("agreement"), kungsbacka.tenantId());
    List<String> leaks = new ArrayList<>();
    List<String> serverErrors = new ArrayList<>();
    int calls = 0;
    for (Role role : Role.values()) {
      WebappSession session = WebappSession.logIn(port, kavlinge.user(role));
      for (String[] endpoint : endpoints) {
        HttpResponse<String> response = session.send(endpoint[0], base + endpoint[1], endpoint[2]);
        calls++;
        String call = endpoint[0] + " " + base + endpoint[1] + " as " + role + " -> " + response.statusCode() + " "
            + abbreviate(response.body());
        if (response.statusCode() >= 500) {
          serverErrors.add(call);
        }
        // Kungsbacka's tenant id is in some requests; only an answer that names Kungsbacka's work is a leak
        if (response.statusCode() < 300 && secrets.stream().anyMatch(response.body()::contains)) {
          leaks.add(call);
        }
      }
    }
    // the control: Kungsbacka's own coordinator sees its cycle through the same door, so the door is open
    WebappSession own = WebappSession.logIn(port, kungsbacka.user(Role.MUNICIPAL_COORDINATOR));
    HttpResponse<String> control = own.send("POST", base + "/process-instance", byInstance);
    System.out.printf("EngineIsolationSweepTest: Cockpit's API, %d endpoints x %d roles = %d calls; %d leaks, "
        + "%d server errors; Kungsbacka's own coordinator: %d%n", endpoints.size(), Role.values().length, calls,
        leaks.size(), serverErrors.size(), control.statusCode());
    assertThat(leaks).as("answers carrying Kungsbacka's work").isEmpty();
    assertThat(serverErrors).as("server errors").isEmpty();
    assertThat(control.statusCode()).isEqualTo(200);
    assertThat(control.body()).contains(ids.get("cycle"));
  }

  /** The path with Kungsbacka's ids where the resource takes one, and harmless names elsewhere. */
  private String fill(String template) {
    String[] segments = template.split("/");
    String resource = segments.length > 1 ? segments[1] : "";
    String sub = segments.length > 2 ? segments[2] : "";
    String id = switch (resource) {
      case "task" -> ids.get("task");
      case "process-instance", "execution" -> ids.get("cycle");
      case "job" -> ids.get("job");
      case "variable-instance" -> ids.get("variable");
      case "process-definition" -> ids.get("definition");
      case "deployment" -> ids.get("deployment");
      case "tenant" -> kungsbacka.tenantId();
      case "user" -> kungsbacka.user(Role.POLICE_COORDINATOR);
      case "group" -> Role.POLICE_COORDINATOR.groupId();
      case "history" -> switch (sub) {
        case "process-instance" -> ids.get("cycle");
        case "variable-instance" -> ids.get("variable");
        case "activity-instance" -> ids.get("activityInstance");
        case "process-definition" -> ids.get("definition");
        default -> ids.get("doneTask");
      };
      default -> "finns-inte";
    };
    return template.replace("{id}", id).replace("{key}", "yearlyCycle")
        .replace("{tenant-id}", kungsbacka.tenantId()).replace("{varName}", "agreementId")
        .replace("{attachmentId}", ids.get("attachment")).replace("{commentId}", ids.get("comment"))
        .replace("{userId}", kungsbacka.user(Role.POLICE_COORDINATOR))
        .replace("{groupId}", Role.POLICE_COORDINATOR.groupId()).replace("{resourceId}", "finns-inte")
        .replace("{messageName}", "finns-inte").replace("{operationId}", "finns-inte")
        .replace("{metrics-name}", "activity-instance-start");
  }

  private static String abbreviate(String body) {
    return body.length() > 240 ? body.substring(0, 240) + "…" : body;
  }
}
