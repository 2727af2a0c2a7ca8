package se.tryggsamverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.LockWaits;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;
import se.tryggsamverkan.support.WebappSession;

/**
 * Two people who act on the same cycle at the same moment, as a user can through Tasklist or the engine's REST API.
 * Each test makes the two transactions meet for certain: the first holds what it wrote until PostgreSQL shows the
 * second waiting for it.
 */
@PostgresProcessTest
@ExtendWith(OutputCaptureExtension.class)
class CompletionAtTheSameMomentTest {

  /** The municipal situation picture as Tasklist submits its form: a text and one place. */
  static final String MUNICIPAL_PICTURE = "{\"variables\":{\"situationPicture\":{\"type\":\"String\","
      + "\"value\":\"Otrygghet vid Resecentrum\"},\"places\":{\"type\":\"Json\",\"value\":\"[{\\\"name\\\":"
      + "\\\"Resecentrum\\\",\\\"kind\\\":\\\"UNSAFE_PLACE\\\",\\\"description\\\":\\\"Dålig belysning\\\"}]\"}}}";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  TestMunicipality municipality;
  CycleDriver driver;
  ProcessInstance cycle;

  @BeforeEach
  void aCycleAtItsTwoSituationPictures() {
    init(engine);
    Clock.setTo("2026-11-02T09:00");
    municipality = TestMunicipality.create(identity, "Laholm");
    driver = new CycleDriver(engine, municipality);
    cycle = driver.cycleAtTheSituationPictures("same-moment-" + municipality.tenantId(), 2027);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void theTwoCoordinatorsWhoSubmitTheirSituationPicturesAtTheSameMomentAreBothAnswered(CapturedOutput log)
      throws Exception {
    String municipalTask = driver.task(cycle, TASK_MUNICIPAL_SITUATION_PICTURE).getId();

    // the police coordinator's picture is completed and not yet committed, when the municipal coordinator submits
    // theirs in Tasklist: its arrival at the join waits for the first one's
    HttpResponse<String> answer = whileHeld(
        tasks -> tasks.complete(driver.task(cycle, TASK_POLICE_SITUATION_PICTURE).getId(),
            CycleDriver.policeSituationPicture()),
        () -> WebappSession.logIn(port, municipality.user(Role.MUNICIPAL_COORDINATOR)).send("POST",
            WebappSession.ENGINE_API + "/task/" + municipalTask + "/submit-form", MUNICIPAL_PICTURE));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(cycle).isWaitingAt(TASK_MERGE_AND_PRIORITISE);
    assertThat(jdbc.sql("select name from place where task_id = :t").param("t", municipalTask).query(String.class)
        .list()).as("the municipality's place recorded once, though its completion ran twice")
        .containsExactly("Resecentrum");
    assertThat(log.getOut()).contains("A task's completion met another transaction on the same rows (attempt 1 of 3); "
        + "trying again: OptimisticLockingException");
  }

  @Test
  void aClaimClickedTwiceIsTheUsersOnceAndBothClicksAreAnswered(CapturedOutput log) throws Exception {
    String task = driver.task(cycle, TASK_POLICE_SITUATION_PICTURE).getId();
    String police = municipality.user(Role.POLICE_COORDINATOR);

    HttpResponse<String> answer = whileHeld(tasks -> tasks.claim(task, police),
        () -> new Http(port).post("/engine-rest/task/" + task + "/claim", police, "test",
            "{\"userId\":\"" + police + "\"}"));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(police);
    // the second click added the assignee's authorization a second time: the engine's unique key refused it
    assertThat(log.getOut()).contains("A task's claim met another transaction on the same rows (attempt 1 of 3); "
        + "trying again");
  }

  @Test
  void aCoordinatorWhoClaimsATaskTheOtherClaimedAtTheSameMomentIsToldInSwedish(CapturedOutput log) throws Exception {
    driver.completeSituationPictures(cycle);
    String merge = driver.task(cycle, TASK_MERGE_AND_PRIORITISE).getId();
    String police = municipality.user(Role.POLICE_COORDINATOR);
    String municipal = municipality.user(Role.MUNICIPAL_COORDINATOR);

    HttpResponse<String> answer = whileHeld(tasks -> tasks.claim(merge, police),
        () -> WebappSession.logIn(port, municipal).send("POST", WebappSession.ENGINE_API + "/task/" + merge
            + "/claim", "{\"userId\":\"" + municipal + "\"}"));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(new Http(port).parse(answer.body()).path("message").asText()).isEqualTo(EngineApiGuard.CLAIMED);
    assertThat(engine.getTaskService().createTaskQuery().taskId(merge).singleResult().getAssignee())
        .as("the first claim stands").isEqualTo(police);
    assertThat(log.getOut()).contains("A task's claim met another transaction on the same rows (attempt 1 of 3)")
        .contains("Answered POST /camunda/api/engine/engine/default/task/" + merge + "/claim as a conflict");
  }

  /** The first in a transaction held until the second waits for it (LockWaits); what the second got. */
  private <T> T whileHeld(Consumer<TaskService> first, Callable<T> second) throws Exception {
    return LockWaits.whileHeld(transactions, jdbc, "", () -> {
      first.accept(engine.getTaskService());
      return null;
    }, second).second();
  }
}
