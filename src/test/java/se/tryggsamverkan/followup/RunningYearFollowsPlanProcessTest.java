package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.followup.engine.RunningYearFollowsPlan;
import se.tryggsamverkan.overview.OverviewService;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.plan.Activity;
import se.tryggsamverkan.plan.FollowUpInterval;
import se.tryggsamverkan.plan.Responsible;
import se.tryggsamverkan.report.YearlyReports;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Issue 15, engine side: the running year follows an approved change to the plan. The same signed plan as
 * {@link ActivityFollowUpProcessTest} (night walks quarterly all year, parents' letters monthly Jan–Mar, a safety
 * walk half-yearly Jun–Dec); the clock is moved, never read.
 */
@PostgresProcessTest
class RunningYearFollowsPlanProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired ActivityFollowUp followUp;
  @Autowired RunningYearFollowsPlan runningYear;
  @Autowired se.tryggsamverkan.identity.Directory directory;
  @Autowired HalfYearFollowUp halfYear;
  @Autowired OverviewService overview;
  @Autowired YearlyReports yearlyReports;
  @Autowired AgreementRepository agreements;

  TaskService tasks;
  RuntimeService runtime;
  TestMunicipality kb;
  CycleDriver driver;
  ProcessInstance cycle;
  String agreementId;

  @BeforeEach
  void aSignedPlanFor2027WithThreeActivities() {
    init(engine);
    tasks = engine.getTaskService();
    runtime = engine.getRuntimeService();
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Kungälv");
    driver = new CycleDriver(engine, kb);
    cycle = ActivityFollowUpProcessTest.signedThreeActivityPlan(driver, kb, "change");
    agreementId = (String) runtime.getVariable(cycle.getId(), AGREEMENT_ID.name());
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void aStoppedActivityGetsNoMoreFollowUpsAndNeverTurnsLateAndTheYearStillEnds() {
    timersUntil("2027-02-01T08:00");
    long letters = activityId("Föräldrabrev");
    assertThat(followUpTasks()).extracting(Task::getName).containsExactly("Följ upp: Föräldrabrev om narkotika");

    assertThat(statusOf(letters, "2027-02-03")).as("before the stop").isEqualTo(ActivityStatus.ONGOING);
    Clock.setTo("2027-02-03T10:00");
    assertThat(runningYear.stop(letters, "Skolorna skickar breven själva")).isTrue();
    assertThat(stopOf(letters)).as("the row keeps the stop, dated by the engine's clock")
        .containsExactly(java.sql.Date.valueOf("2027-02-03"), "Skolorna skickar breven själva");
    assertThat(statusOf(letters, "2027-02-02")).as("the day before the stop, as before").isEqualTo(
        ActivityStatus.ONGOING);
    assertThat(statusOf(letters, "2027-02-03")).isEqualTo(ActivityStatus.STOPPED);

    assertThat(followUpTasks()).as("its open follow-up task is gone").isEmpty();
    assertThat(jobsOf(letters, TIMER_ACTIVITY_OVERDUE)).as("its overdue timer is gone").isEmpty();
    assertThat(runtime.getActivityInstance(cycle.getId()).getActivityInstances(SUBPROCESS_ACTIVITY_FOLLOW_UP))
        .as("only the stopped activity's instance ended (localVariableEquals matched one inner instance)")
        .hasSize(2);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId(END_EVENT_ACTIVITY_STOPPED).finished().count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
        .variableName(STOP_REASON.name()).singleResult().getValue()).isEqualTo("Skolorna skickar breven själva");
    assertThat(runningYear.stop(letters, "En gång till")).as("nothing left to stop").isFalse();
    assertThat(stopOf(letters)).as("the first stop stands")
        .containsExactly(java.sql.Date.valueOf("2027-02-03"), "Skolorna skickar breven själva");

    timersUntil("2027-04-02T08:00");
    assertThat(followUpTasks()).extracting(Task::getName).containsExactly("Följ upp: Nattvandringsutbildning");
    assertThat(followUp.latestReport(letters)).as("no automatic Försenad after its end").isEmpty();
    assertThat(mails("ACTIVITY_DELAYED")).isEmpty();
    assertThat(statusOf(letters, "2027-04-02")).as("past its end: Stoppad, not Försenad")
        .isEqualTo(ActivityStatus.STOPPED);
    Agreement agreement = agreements.findById(agreementId).orElseThrow();
    assertThat(halfYear.compile(agreement, 2027, LocalDate.parse("2027-04-02")).activities())
        .filteredOn(r -> r.activity().startsWith("Föräldrabrev")).singleElement().satisfies(r -> {
          assertThat(r.status()).isEqualTo("■ Stoppad");
          assertThat(r.comment()).startsWith("Stoppad 2027-02-03: Skolorna skickar breven själva");
        });
    OverviewService.MunicipalityOverview page = overview.municipality(kb.tenantId(), 2027,
        LocalDate.parse("2027-04-02").atTime(9, 0).atZone(Clock.SWEDEN)).orElseThrow();
    assertThat(page.activitiesByStatus()).as("the overview's counts").containsEntry(ActivityStatus.STOPPED, 1)
        .containsEntry(ActivityStatus.DELAYED, 0);
    assertThat(overview.municipalities(List.of(kb.tenantId()), LocalDate.parse("2027-04-02").atTime(9, 0)
        .atZone(Clock.SWEDEN))).singleElement().satisfies(row -> assertThat(row.activitiesByStatus())
        .containsEntry(ActivityStatus.STOPPED, 1).containsEntry(ActivityStatus.DELAYED, 0));

    finishTheYear("2027-04-02");
    assertThat(followUp.latestReport(letters)).isEmpty();
    assertThat(mails("ACTIVITY_DELAYED")).isEmpty();
    String html = yearlyReports.html(agreementId, 2027, null).orElseThrow();
    String row = java.util.Arrays.stream(html.split("<tr")).filter(r -> r.contains("Föräldrabrev")).findFirst()
        .orElseThrow();
    assertThat(row).as("the yearly report's row").contains("status-stopped").contains("Stoppad")
        .contains("Stoppad 2027-02-03. Skäl:").contains("Skolorna skickar breven själva")
        .doesNotContain("Försenad").doesNotContain("status-delayed");
  }

  @Test
  void aStopReasonIsLimitedOnceAndOneAtTheLimitIsKeptWhole() {
    timersUntil("2027-02-01T08:00");
    long letters = activityId("Föräldrabrev");
    int max = RunningYearFollowsPlan.STOP_REASON_MAX;
    Clock.setTo("2027-02-03T10:00");

    assertThatThrownBy(() -> runningYear.stop(letters, "x".repeat(max + 1))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Skälet till att aktiviteten stoppas är för lång (högst " + max + " tecken)");
    assertThatThrownBy(() -> runningYear.stop(letters, "  ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Skälet till att aktiviteten stoppas måste fyllas i");
    assertThat(stopOf(letters)).as("nothing stored").containsOnlyNulls();
    assertThat(followUpTasks()).as("its follow-up still runs").hasSize(1);

    String atLimit = "å".repeat(max);
    assertThat(runningYear.stop(letters, atLimit)).isTrue();
    assertThat(stopOf(letters)).containsExactly(java.sql.Date.valueOf("2027-02-03"), atLimit);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
        .variableName(STOP_REASON.name()).singleResult().getValue()).isEqualTo(atLimit);
  }

  @Test
  void anEndMovedLaterMovesTheFollowUpsAndTheForsenadToTheNewEnd() {
    long letters = activityId("Föräldrabrev");
    timersUntil("2027-02-01T08:00");
    tasks.complete(taskFor("Föräldrabrev").getId(), report("ONGOING", "Första brevet"));
    timersUntil("2027-03-01T08:00");
    tasks.complete(taskFor("Föräldrabrev").getId(), report("ONGOING", "Andra brevet"));
    assertThat(dueDates(letters, TIMER_NEXT_FOLLOW_UP)).as("the last follow-up on the old end")
        .containsExactly(Clock.startOf("2027-03-31"));
    assertThat(dueDates(letters, TIMER_ACTIVITY_OVERDUE)).containsExactly(Clock.startOf("2027-04-01"));

    Clock.setTo("2027-03-05T10:00");
    runningYear.move(letters, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 31));

    assertThat(followUp.activity(letters).activity().end()).isEqualTo(LocalDate.of(2027, 5, 31));
    assertThat(dueDates(letters, TIMER_NEXT_FOLLOW_UP)).as("monthly from its start").containsExactly(
        Clock.startOf("2027-04-01"));
    assertThat(dueDates(letters, TIMER_ACTIVITY_OVERDUE)).containsExactly(Clock.startOf("2027-06-01"));

    timersUntil("2027-03-31T12:00");
    assertThat(followUpTasks()).isEmpty();
    timersUntil("2027-04-02T08:00");
    assertThat(followUp.latestReport(letters).map(r -> r.automatic())).as("no Försenad at the old date")
        .contains(false);
    assertThat(mails("ACTIVITY_DELAYED")).isEmpty();
    Task april = taskFor("Föräldrabrev");
    assertThat(april.getDueDate()).isEqualTo(Clock.endOf("2027-04-15"));
    tasks.complete(april.getId(), report("ONGOING", "Tredje brevet"));
    tasks.complete(taskFor("Nattvandring").getId(), report("ONGOING", "Utbildningen pågår"));
    timersUntil("2027-05-01T08:00");
    tasks.complete(taskFor("Föräldrabrev").getId(), report("ONGOING", "Fjärde brevet"));
    timersUntil("2027-05-31T08:00");
    assertThat(taskFor("Föräldrabrev").getDueDate()).as("the last follow-up on the new end")
        .isEqualTo(Clock.endOf("2027-06-14"));
    timersUntil("2027-05-31T23:00");
    assertThat(mails("ACTIVITY_DELAYED")).isEmpty();

    timersUntil("2027-06-01T08:00");
    assertThat(followUp.latestReport(letters)).get().satisfies(r -> assertThat(r.automatic()).isTrue())
        .satisfies(r -> assertThat(r.comment()).startsWith("Slutdatum 2027-05-31 har passerat"));
    assertThat(mails("ACTIVITY_DELAYED")).contains(kb.user(Role.POLICE_COORDINATOR));
  }

  @Test
  void aNewOwnerGetsTheOpenFollowUpTaskAndTheNextRounds() {
    long letters = activityId("Föräldrabrev");
    timersUntil("2027-02-01T08:00");
    assertThat(taskFor("Föräldrabrev").getAssignee()).isEqualTo(kb.user(Role.POLICE_COORDINATOR));

    runningYear.reassign(letters, kb.user(Role.MUNICIPAL_COORDINATOR));
    assertThat(taskFor("Föräldrabrev").getAssignee()).isEqualTo(kb.user(Role.MUNICIPAL_COORDINATOR));
    assertThat(ACTIVITY_DETAILS.of(engine.getFormService().getTaskFormVariables(taskFor("Föräldrabrev").getId())
        .get(ACTIVITY_DETAILS.name())))
        .as("the open task names the new owner").contains("Ansvarig: " + Responsible.BOTH.swedishName() + " ("
            + directory.displayName(kb.user(Role.MUNICIPAL_COORDINATOR)) + ")")
        .doesNotContain(directory.displayName(kb.user(Role.POLICE_COORDINATOR)));
    assertThat(followUp.activity(letters).activity().responsiblePerson()).isEqualTo(
        kb.user(Role.MUNICIPAL_COORDINATOR));
    tasks.complete(taskFor("Föräldrabrev").getId(), report("ONGOING", "Första brevet"));

    timersUntil("2027-03-01T08:00");
    assertThat(taskFor("Föräldrabrev").getAssignee()).isEqualTo(kb.user(Role.MUNICIPAL_COORDINATOR));
    runningYear.reassign(letters, "someone-outside");
    assertThat(taskFor("Föräldrabrev").getAssignee()).as("not a user here: the coordinators take it").isNull();
  }

  @Test
  void anAddedActivityIsFollowedUpFromItsStartAndTheYearStillEnds() {
    timersUntil("2027-03-10T10:00");
    long added = runningYear.add(agreementId, 2027, new Activity("Trygghet i trafik", "Skolvägskampanj",
        "Tryggare skolväg", Responsible.BOTH, kb.user(Role.ACTIVITY_OWNER), LocalDate.of(2027, 4, 1),
        LocalDate.of(2027, 9, 30), "Antal skolor", FollowUpInterval.MONTHLY));

    assertThat(followUp.approvedActivities(agreementId, 2027)).extracting(a -> a.id()).last().isEqualTo(added);
    assertThat(runtime.getActivityInstance(cycle.getId()).getActivityInstances(SUBPROCESS_ACTIVITY_FOLLOW_UP))
        .hasSize(4);
    assertThat(dueDates(added, TIMER_NEXT_FOLLOW_UP)).as("one interval after its start")
        .containsExactly(Clock.startOf("2027-05-01"));
    assertThat(dueDates(added, TIMER_ACTIVITY_OVERDUE)).containsExactly(Clock.startOf("2027-10-01"));

    timersUntil("2027-04-30T12:00");
    assertThat(followUpTasks()).extracting(Task::getName).doesNotContain("Följ upp: Skolvägskampanj");
    timersUntil("2027-05-01T08:00");
    Task first = taskFor("Skolvägskampanj");
    assertThat(first.getAssignee()).isEqualTo(kb.user(Role.ACTIVITY_OWNER));
    assertThat(first.getDueDate()).isEqualTo(Clock.endOf("2027-05-15"));

    finishTheYear("2027-05-01");
    assertThat(followUp.latestReport(added).map(r -> r.status())).contains(ActivityStatus.COMPLETED);
  }

  /** Every owner reports finished at the next follow-up, the steering group meets; the yearly report comes. */
  private void finishTheYear(String from) {
    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2027-06-10",
        "steeringMeetingPlace", "Polisstationen"));
    tasks.complete(driver.task(cycle, TASK_HALF_YEAR_FOLLOW_UP).getId(),
        Map.of(HALF_YEAR_CONCLUSIONS.name(), "Planen följs"));
    LocalDate day = LocalDate.parse(from);
    while (!day.isAfter(LocalDate.of(2028, 1, 1))) {
      timersUntil(day + "T08:00");
      for (Task task : followUpTasks()) {
        tasks.complete(task.getId(), report("COMPLETED", "Klart"));
      }
      day = day.withDayOfMonth(1).plusMonths(1);
    }
    assertThat(driver.task(cycle, TASK_YEARLY_FOLLOW_UP_REPORT)).as("the yearly report is due").isNotNull();
  }

  private void timersUntil(String localDateTime) {
    Clock.setTo(localDateTime);
    while (driver.runDueTimers(cycle) > 0) {
      // a timer may lead to the next one already due
    }
  }

  private List<Task> followUpTasks() {
    return driver.tasks(cycle, TASK_FOLLOW_UP_ACTIVITY);
  }

  private Task taskFor(String activity) {
    return followUpTasks().stream().filter(t -> t.getName().contains(activity)).findFirst().orElseThrow();
  }

  private Map<String, Object> report(String status, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put(ACTIVITY_STATUS.name(), status);
    v.put(STATUS_COMMENT.name(), comment);
    return v;
  }

  private ActivityStatus statusOf(long activityId, String day) {
    return followUp.states(agreementId, 2027, LocalDate.parse(day)).stream().filter(s -> s.planned().id() == activityId)
        .findFirst().orElseThrow().status();
  }

  private List<Object> stopOf(long activityId) {
    return jdbc.sql("select stopped_on, stop_reason from activity where id = :id").param("id", activityId)
        .query((rs, n) -> java.util.Arrays.asList(rs.getObject(1), rs.getObject(2))).single();
  }

  private long activityId(String description) {
    return followUp.approvedActivities(agreementId, 2027).stream()
        .filter(a -> a.activity().description().startsWith(description)).findFirst().orElseThrow().id();
  }

  private List<Job> jobsOf(long activityId, String timerId) {
    return engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).activityId(timerId)
        .list().stream().filter(j -> Long.valueOf(activityId).equals(runtime.getVariable(j.getExecutionId(),
            ACTIVITY_ID.name()))).toList();
  }

  private List<Date> dueDates(long activityId, String timerId) {
    return jobsOf(activityId, timerId).stream().map(Job::getDuedate).toList();
  }

  private List<String> mails(String kind) {
    return jdbc.sql("select recipient from mail_outbox where kind = :kind and tenant_id = :t")
        .param("kind", kind).param("t", kb.tenantId()).query(String.class).list();
  }
}
