package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * The implementation year on the engine, clock moved: each activity of the approved plan is followed up by its owner
 * at its interval, turns "Försenad" by itself the day after an unfinished end (owner and coordinators told), and the
 * steering group's half-year task shows the compiled status.
 */
@PostgresProcessTest
class ActivityFollowUpProcessTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired ActivityFollowUp followUp;
  @Autowired PromiseFollowUp promises;
  @Autowired AgreementRepository agreements;

  TaskService tasks;
  TestMunicipality kb;
  CycleDriver driver;
  ProcessInstance cycle;
  String agreementId;

  static String activity(String description, String owner, String start, String end, String interval) {
    return CycleDriver.activity(description, owner, start, end, interval);
  }

  /** See {@link CycleDriver#signedThreeActivityPlan}. */
  static ProcessInstance signedThreeActivityPlan(CycleDriver driver, TestMunicipality municipality, String key) {
    return driver.signedThreeActivityPlan(key);
  }

  @BeforeEach
  void aSignedPlanFor2027WithThreeActivities() {
    init(engine);
    tasks = engine.getTaskService();
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Kungsbacka");
    driver = new CycleDriver(engine, kb);
    cycle = signedThreeActivityPlan(driver, kb, "fu");
    agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  private List<Task> followUpTasks() {
    return driver.tasks(cycle, TASK_FOLLOW_UP_ACTIVITY);
  }

  private void timersUntil(String localDateTime) {
    Clock.setTo(localDateTime);
    while (driver.runDueTimers(cycle) > 0) {
      // a timer may lead to the next one already due
    }
  }

  private Map<String, Object> report(String status, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put(ACTIVITY_STATUS.name(), status);
    v.put(STATUS_COMMENT.name(), comment);
    return v;
  }

  private Task taskFor(String activity) {
    return followUpTasks().stream().filter(t -> t.getName().contains(activity)).findFirst().orElseThrow();
  }

  private int reports() {
    return jdbc.sql("select count(*) from activity_report r join activity a on a.id = r.activity_id "
        + "where a.agreement_id = :a").param("a", agreementId).query(Integer.class).single();
  }

  @Test
  void eachActivityIsFollowedUpByItsOwnerAtItsInterval() {
    assertThat(followUpTasks()).as("nothing is due in December").isEmpty();

    timersUntil("2027-02-01T08:00");
    Task letters = taskFor("Föräldrabrev om narkotika");
    assertThat(followUpTasks()).hasSize(1);
    assertThat(letters.getName()).isEqualTo("Följ upp: Föräldrabrev om narkotika");
    assertThat(letters.getAssignee()).isEqualTo(kb.user(Role.POLICE_COORDINATOR));
    assertThat(letters.getDueDate()).isEqualTo(Clock.endOf("2027-02-15"));
    VariableMap form = engine.getFormService().getTaskFormVariables(letters.getId());
    assertThat(form.get(CURRENT_STATUS.name())).isEqualTo("● Pågående");
    assertThat(form.get(ACTIVITY_STATUS.name())).as("the answer starts from today's status").isEqualTo("ONGOING");
    assertThat(PREVIOUS_REPORT.of(form.get(PREVIOUS_REPORT.name())))
        .isEqualTo("Ingen rapport ännu.");
    assertThat(tasks.getVariables(letters.getId())).as("what the form shows is read from the plan, not stored")
        .doesNotContainKeys(ACTIVITY_DESCRIPTION.name(), ACTIVITY_DETAILS.name(), CURRENT_STATUS.name(),
            PREVIOUS_REPORT.name(), PROMISE_OPTIONS.name());
    // Tasklist's door: serialised values, the promise options as a Json variable it parses itself
    JsonNode viaRest = new Http(port).json("/engine-rest/task/" + letters.getId()
        + "/form-variables?deserializeValues=false", kb.user(Role.POLICE_COORDINATOR), "test");
    assertThat(viaRest.path(ACTIVITY_DESCRIPTION.name()).path("value").asText()).isEqualTo("Föräldrabrev om narkotika");
    assertThat(viaRest.path(ACTIVITY_DETAILS.name()).path("value").asText()).contains("Period: ");
    assertThat(viaRest.path(PROMISE_OPTIONS.name()).path("type").asText()).isEqualTo("Json");
    assertThat(viaRest.path(PROMISE_OPTIONS.name()).path("value").asText()).startsWith("[{");
    JsonNode onlyOne = new Http(port).json("/engine-rest/task/" + letters.getId()
        + "/form-variables?variableNames=" + CURRENT_STATUS.name(), kb.user(Role.POLICE_COORDINATOR), "test");
    assertThat(onlyOne.properties()).as("a caller that names its variables gets those").hasSize(1);
    TestMunicipality other = TestMunicipality.create(identity, "Annan kommun");
    for (Role role : Role.values()) {
      assertThat(new Http(port).get("/engine-rest/task/" + letters.getId() + "/form-variables", other.user(role),
          "test").statusCode()).as(role + " of another municipality").isIn(403, 404);
    }
    tasks.complete(letters.getId(), report("ONGOING", "Första brevet är skickat"));
    // the answer is kept in the report's row with who and when; the engine writes no history copy of it (ADR 12),
    // but keeps the rest of its history
    var historicVariables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cycle.getId());
    assertThat(historicVariables.variableNameIn(ACTIVITY_STATUS.name(), STATUS_COMMENT.name(),
        PROMISE_OCCURRENCES.name()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
        .variableName(ACTIVITY_ID.name()).count()).isPositive();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(letters.getId()).singleResult()
        .getDeleteReason()).isEqualTo("completed");
    assertThat(jdbc.sql("select status || ': ' || comment from activity_report where task_id = :t")
        .param("t", letters.getId()).query(String.class).single()).isEqualTo("ONGOING: Första brevet är skickat");

    timersUntil("2027-03-01T08:00");
    Task second = taskFor("Föräldrabrev om narkotika");
    VariableMap secondForm = engine.getFormService().getTaskFormVariables(second.getId());
    assertThat(PREVIOUS_REPORT.of(secondForm.get(PREVIOUS_REPORT.name())))
        .isEqualTo("2027-02-01, Pågående: Första brevet är skickat");
    // the next form starts empty, not from the last answer, and no answer was written into the cycle itself
    assertThat(secondForm.get(STATUS_COMMENT.name())).isNull();
    assertThat(PROMISE_OCCURRENCES.of(secondForm.get(PROMISE_OCCURRENCES.name()))).isEqualTo("[]");
    assertThat(engine.getRuntimeService().getVariablesLocal(cycle.getId())).doesNotContainKeys(
        ACTIVITY_STATUS.name(), STATUS_COMMENT.name(), PROMISE_OCCURRENCES.name());
    tasks.complete(second.getId(), report("ONGOING", "Andra brevet är skickat"));

    timersUntil("2027-04-01T08:00");
    assertThat(followUpTasks()).extracting(Task::getName).containsExactlyInAnyOrder(
        "Följ upp: Nattvandringsutbildning", "Följ upp: Föräldrabrev om narkotika");
    assertThat(taskFor("Nattvandringsutbildning").getAssignee()).isEqualTo(kb.user(Role.ACTIVITY_OWNER));
    assertThat(taskFor("Föräldrabrev om narkotika").getDueDate()).as("the March follow-up is on its end date")
        .isEqualTo(Clock.endOf("2027-04-14"));
  }

  @Test
  void anActivityReportedFinishedIsNotFollowedUpAgainNorMarkedLate() {
    timersUntil("2027-02-01T08:00");
    tasks.complete(taskFor("Föräldrabrev").getId(), report("COMPLETED", "Alla tre breven är skickade"));

    timersUntil("2027-04-02T08:00");
    assertThat(followUpTasks()).extracting(Task::getName).containsExactly("Följ upp: Nattvandringsutbildning");
    assertThat(statusOf("Föräldrabrev", "2027-04-02")).isEqualTo(ActivityStatus.COMPLETED);
    assertThat(mails("ACTIVITY_DELAYED")).isEmpty();
  }

  @Test
  void anUnfinishedActivityTurnsDelayedTheDayAfterItsEndAndItsOwnerAndCoordinatorsAreTold() {
    timersUntil("2027-02-01T08:00");
    tasks.complete(taskFor("Föräldrabrev").getId(), report("ONGOING", "Första brevet är skickat"));
    timersUntil("2027-03-31T12:00");
    assertThat(statusOf("Föräldrabrev", "2027-03-31")).isEqualTo(ActivityStatus.ONGOING);
    assertThat(mails("ACTIVITY_DELAYED")).isEmpty();

    timersUntil("2027-04-01T08:00");
    assertThat(statusOf("Föräldrabrev", "2027-04-01")).isEqualTo(ActivityStatus.DELAYED);
    assertThat(followUp.latestReport(activityId("Föräldrabrev"))).get()
        .satisfies(r -> assertThat(r.automatic()).isTrue())
        .satisfies(r -> assertThat(r.comment()).isEqualTo(
            "Slutdatum 2027-03-31 har passerat utan att aktiviteten har rapporterats som avslutad."));
    assertThat(mails("ACTIVITY_DELAYED")).containsExactlyInAnyOrder(kb.user(Role.POLICE_COORDINATOR),
        kb.user(Role.MUNICIPAL_COORDINATOR));
    assertThat(jdbc.sql("select subject from mail_outbox where kind = 'ACTIVITY_DELAYED' and tenant_id = :t")
        .param("t", kb.tenantId()).query(String.class).list())
        .allMatch(s -> s.equals("[trygg-samverkan] Försenad aktivitet: Kungsbacka: Föräldrabrev om narkotika"));
    // the next reminder sweep delivers them (they stayed PENDING for good before)
    assertThat(new se.tryggsamverkan.support.SweepDriver(engine).sweep()).isEmpty();
    assertThat(jdbc.sql("select distinct status from mail_outbox where kind = 'ACTIVITY_DELAYED' and tenant_id = :t")
        .param("t", kb.tenantId()).query(String.class).list()).containsExactly("SENT");
  }

  /**
   * An agreement registered late: its plan is signed in May, after the letters' activity ended in March. Every such
   * activity turned Försenad at once and got no follow-up, so the report said "Ingen rapport ännu" for all of them.
   * Now its owner is asked once, at signing, and the calendar marks it late (and tells people) only if that report
   * does not come.
   */
  @Test
  void anActivityThatEndedBeforeItsPlanWasSignedIsFollowedUpOnceAndIsLateOnlyIfNobodyReports() {
    Clock.setTo("2027-04-20T09:00");
    kb = TestMunicipality.create(identity, "Kungsör");
    driver = new CycleDriver(engine, kb);
    cycle = driver.cycleAtTheActionPlan("late-" + kb.tenantId(), 2027, "Buskörning");
    String activities = "[" + activity("Föräldrabrev om narkotika", "POLICE_COORDINATOR", "2027-01-01",
        "2027-03-31", "MONTHLY") + "," + activity("Nattvandringsutbildning", "ACTIVITY_OWNER", "2027-01-01",
        "2027-12-31", "QUARTERLY") + "]";
    for (Role role : Role.values()) {
      activities = activities.replace("%" + role.name() + "%", kb.user(role));
    }
    driver.completePlan(cycle, activities, CycleDriver.TWO_PROMISES);
    Clock.setTo("2027-05-15T10:00");
    driver.approveAndSign(cycle);
    agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    timersUntil("2027-05-15T10:05");

    assertThat(followUpTasks()).extracting(Task::getName).containsExactly("Följ upp: Föräldrabrev om narkotika");
    assertThat(taskFor("Föräldrabrev").getDueDate()).isEqualTo(Clock.endOf("2027-05-29"));
    assertThat(taskFor("Föräldrabrev").getAssignee()).isEqualTo(kb.user(Role.POLICE_COORDINATOR));
    timersUntil("2027-05-29T12:00");
    // its status reads Försenad by its dates, but nobody is told while its owner may still report
    assertThat(followUp.latestReport(activityId("Föräldrabrev"))).as("no automatic Försenad yet").isEmpty();
    assertThat(mails("ACTIVITY_DELAYED")).isEmpty();

    timersUntil("2027-05-30T08:00");
    assertThat(followUp.latestReport(activityId("Föräldrabrev"))).get()
        .satisfies(r -> assertThat(r.automatic()).isTrue());
    assertThat(mails("ACTIVITY_DELAYED")).contains(kb.user(Role.POLICE_COORDINATOR));
    tasks.complete(taskFor("Föräldrabrev").getId(), report("COMPLETED_WITH_DEVIATION",
        "Två av tre brev skickades innan överenskommelsen var registrerad."));
    assertThat(statusOf("Föräldrabrev", "2027-05-30")).as("reported at last").isEqualTo(
        ActivityStatus.COMPLETED_WITH_DEVIATION);
    assertThat(followUpTasks()).extracting(Task::getName).doesNotContain("Följ upp: Föräldrabrev om narkotika");
  }

  @Test
  void anActivityIsNotStartedWhileItsStartDateIsAhead() {
    timersUntil("2027-05-01T08:00");
    assertThat(statusOf("Trygghetsvandring", "2027-05-01")).isEqualTo(ActivityStatus.NOT_STARTED);
    assertThat(followUpTasks()).extracting(Task::getName).doesNotContain("Följ upp: Trygghetsvandring i Furulund");
    timersUntil("2027-06-02T08:00");
    assertThat(statusOf("Trygghetsvandring", "2027-06-02")).isEqualTo(ActivityStatus.ONGOING);
  }

  @Test
  void aBadReportIsRefusedInSwedishAndNothingIsStored() {
    timersUntil("2027-02-03T08:00");
    Task letters = taskFor("Föräldrabrev");
    Map<String, Object> bad = report(null, "  ");
    bad.put(PROMISE_OCCURRENCES.name(), CycleDriver.json("[{\"promise\":\"1\",\"date\":\"2027-02-10\"},"
        + "{\"promise\":\"7\",\"date\":\"2027-01-05\"},{\"date\":\"2027-01-12\"}]"));

    assertThatThrownBy(() -> tasks.complete(letters.getId(), bad)).hasMessageContaining("Status måste fyllas i")
        .hasMessageContaining("Kommentar måste fyllas i")
        .hasMessageContaining("Genomfört löfte 1: Datum 2027-02-10 har inte kommit än")
        .hasMessageContaining("Genomfört löfte 2: löftet 7 finns inte i årets plan")
        .hasMessageContaining("Genomfört löfte 3: välj vilket löfte");
    assertThatThrownBy(() -> tasks.complete(letters.getId(), report("KLAR", "Brevet skickat")))
        .hasMessageContaining("Status KLAR finns inte (välj en av: Ej påbörjad, Pågående, Pågående med avvikelse, "
            + "Avslutad, Avslutad med avvikelse, Försenad)");
    assertThatThrownBy(() -> tasks.complete(letters.getId(), report("STOPPED", "Vi slutar")))
        .as("only an approved change stops an activity").hasMessageContaining("Status STOPPED finns inte");
    assertThat(reports()).isZero();
    assertThat(occurrences()).isZero();
    assertThat(followUpTasks()).extracting(Task::getId).containsExactly(letters.getId());
  }

  @Test
  void promisesCarriedOutAreRecordedInTheFollowUpAndCountTowardsTheTarget() throws Exception {
    timersUntil("2027-02-03T08:00");
    Task letters = taskFor("Föräldrabrev");
    JsonNode options = new ObjectMapper().readTree(PROMISE_OPTIONS.of(engine.getFormService()
        .getTaskFormVariables(letters.getId()).get(PROMISE_OPTIONS.name())));
    assertThat(options.get(1).path("label").asText()).isEqualTo("2. Ett föräldrabrev skickas");
    Map<String, Object> v = report("ONGOING", "Brevet är skickat");
    v.put(PROMISE_OCCURRENCES.name(), CycleDriver.json("[{\"promise\":\"2\",\"date\":\"2027-01-20\","
        + "\"note\":\"Januaribrevet\"},{\"promise\":\"1\",\"date\":\"2027-01-14\"}]"));
    tasks.complete(letters.getId(), v);

    assertThat(occurrences()).isEqualTo(2);
    var statuses = promises.statuses(agreements.findById(agreementId).orElseThrow(), 2027, LocalDate.of(2027, 2, 3));
    assertThat(statuses.get(1).occurrences()).containsExactly(LocalDate.of(2027, 1, 20));
    assertThat(statuses.get(0).occurrences()).containsExactly(LocalDate.of(2027, 1, 14));
  }

  @Test
  void theHalfYearFollowUpShowsTheCompiledStatusAndRecordsTheConclusions() throws Exception {
    timersUntil("2027-02-01T08:00");
    tasks.complete(taskFor("Föräldrabrev").getId(), report("ONGOING_WITH_DEVIATION", "Ett brev försenat"));
    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2020-06-10",
        "steeringMeetingPlace", "Polisstationen"));

    Task halfYear = driver.task(cycle, TASK_HALF_YEAR_FOLLOW_UP);
    JsonNode rows = new ObjectMapper().readTree(tasks.getVariable(halfYear.getId(), ACTIVITY_STATUS_ROWS.name())
        .toString());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).path("status").asText()).isEqualTo("◐ Pågående med avvikelse");
    assertThat(rows.get(1).path("comment").asText()).isEqualTo("Ett brev försenat (2027-02-01)");
    assertThat(rows.get(2).path("status").asText()).isEqualTo("– Ej påbörjad");
    JsonNode promiseRows = new ObjectMapper().readTree(tasks.getVariable(halfYear.getId(),
        PROMISE_STATUS_ROWS.name()).toString());
    assertThat(promiseRows.get(0).path("target").asText()).isEqualTo("minst 1 per vecka");

    assertThat(tasks.getVariable(halfYear.getId(), STATUS_COMPILED_ON.name())).isEqualTo("2027-02-01");

    timersUntil("2027-03-02T08:00");
    tasks.complete(taskFor("Föräldrabrev").getId(), report("ONGOING", "Brevet kom i tid"));
    JsonNode refreshed = new ObjectMapper().readTree(tasks.getVariable(halfYear.getId(),
        ACTIVITY_STATUS_ROWS.name()).toString());
    assertThat(refreshed.get(1).path("comment").asText()).as("an owner's report shows in the open half-year task")
        .isEqualTo("Brevet kom i tid (2027-03-02)");
    assertThat(tasks.getVariable(halfYear.getId(), STATUS_COMPILED_ON.name())).isEqualTo("2027-03-02");

    assertThatThrownBy(() -> tasks.complete(halfYear.getId(), Map.of()))
        .hasMessageContaining("Styrgruppens slutsatser måste fyllas i");
    tasks.complete(halfYear.getId(), Map.of(HALF_YEAR_CONCLUSIONS.name(), "Breven behöver en ny rutin",
        HALF_YEAR_PLAN_CHANGES.name(), "Breven skickas via skolorna"));
    assertThat(jdbc.sql("select conclusions || ' / ' || plan_changes from steering_follow_up where agreement_id = :a")
        .param("a", agreementId).query(String.class).single())
        .isEqualTo("Breven behöver en ny rutin / Breven skickas via skolorna");
  }

  private long activityId(String description) {
    return followUp.approvedActivities(agreementId, 2027).stream()
        .filter(a -> a.activity().description().startsWith(description)).findFirst().orElseThrow().id();
  }

  private ActivityStatus statusOf(String description, String day) {
    return followUp.states(agreementId, 2027, LocalDate.parse(day)).stream()
        .filter(s -> s.planned().activity().description().startsWith(description)).findFirst().orElseThrow()
        .status();
  }

  private List<String> mails(String kind) {
    return jdbc.sql("select recipient from mail_outbox where kind = :kind and tenant_id = :t")
        .param("kind", kind).param("t", kb.tenantId()).query(String.class).list();
  }

  private int occurrences() {
    return jdbc.sql("select count(*) from promise_occurrence where agreement_id = :a").param("a", agreementId)
        .query(Integer.class).single();
  }
}
