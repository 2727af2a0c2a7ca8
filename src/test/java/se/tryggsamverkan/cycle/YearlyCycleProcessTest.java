package se.tryggsamverkan.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

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
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

@PostgresProcessTest
class YearlyCycleProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired CycleRecords records;

  CycleDriver driver;
  TestMunicipality municipality;
  ProcessInstance agreement;
  ProcessInstance cycle;

  @BeforeEach
  void oneYearAgreementForNextYearOnTheSecondOfJanuary() {
    init(engine);
    Clock.setTo("2024-01-02T09:00");
    municipality = TestMunicipality.create(identity, "Kungsbacka");
    driver = new CycleDriver(engine, municipality);
    agreement = driver.startAgreement("kb-2025-" + municipality.tenantId(),
        municipality.agreementStart("2025-01-01", "2025-12-31", "MUNICIPALITY"));
    cycle = driver.cycle(agreement, 2025);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void aCycleRunsThroughEveryPhaseWhenBothPartiesApprove() {
    assertThat(cycle).isWaitingAt(TIMER_CYCLE_START);
    assertThat(driver.runDueTimers(cycle)).isEqualTo(1);
    assertThat(cycle).isWaitingAt(TASK_POLICE_SITUATION_PICTURE, TASK_MUNICIPAL_SITUATION_PICTURE);

    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning vid skolor", "Otrygghet vid Resecentrum");
    driver.completeCauseAnalyses(cycle);
    driver.completeActionPlanAndPreparation(cycle, "Trafikkontroller vid skolor");
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    driver.driveFromSigningToEnd(cycle, "Fler nattvandrare behövs på våren");

    assertThat(cycle).isEnded().hasPassedInOrder(START_EVENT, TIMER_CYCLE_START, TASK_CARRY_FORWARD,
        TASK_MERGE_AND_PRIORITISE, TASK_CAUSE_ANALYSIS, TASK_ACTION_PLAN, TASK_PREPARE_STEERING_GROUP,
        TASK_RECORD_STEERING_ROUND, TASK_SIGN_AND_PUBLISH, TASK_HALF_YEAR_FOLLOW_UP, TASK_FOLLOW_UP_ACTIVITY,
        TASK_YEARLY_FOLLOW_UP_REPORT, TASK_HAND_OVER_LESSONS, END_EVENT);
    assertThat(cycle).hasPassed(TASK_POLICE_SITUATION_PICTURE, TASK_MUNICIPAL_SITUATION_PICTURE,
        TASK_POLICE_STEERING_DECISION, TASK_MUNICIPAL_STEERING_DECISION, TASK_SCHEDULE_FOLLOW_UP_MEETING);
    assertThat(timesPassed(TASK_ACTION_PLAN)).as("the plan was decided in one round").isEqualTo(1);
    String agreementId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cycle.getId()).variableName(AGREEMENT_ID.name()).singleResult().getValue();
    assertThat(records.causeAnalyses(agreementId, 2025)).extracting(CauseAnalysis::problem)
        .containsExactly("Buskörning vid skolor", "Otrygghet vid Resecentrum");
    assertThat(records.latestLessonsBefore(agreementId, 2026)).get()
        .extracting(CycleRecords.Lessons::text).isEqualTo("Fler nattvandrare behövs på våren");
  }

  private long timesPassed(String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId(activityId).count();
  }

  @Test
  void eachPartyMakesItsOwnSituationPictureInItsRole() {
    driver.runDueTimers(cycle);
    assertThat(driver.task(cycle, TASK_POLICE_SITUATION_PICTURE)).hasCandidateGroup("police-coordinator");
    assertThat(driver.task(cycle, TASK_MUNICIPAL_SITUATION_PICTURE)).hasCandidateGroup("municipal-coordinator");

    driver.completeSituationPictures(cycle);

    assertThat(cycle).variables()
        .containsEntry(POLICE_SITUATION_PICTURE.name(), "Trafikbrott ökar")
        .containsEntry(MUNICIPAL_SITUATION_PICTURE.name(), "Otrygghet vid Resecentrum");
    Task merge = driver.task(cycle, TASK_MERGE_AND_PRIORITISE);
    assertThat(merge).hasCandidateGroup("police-coordinator").hasCandidateGroup("municipal-coordinator");
    assertThat(merge.getTenantId()).isEqualTo(municipality.tenantId());
  }

  @Test
  void everyPrioritisedProblemGetsItsOwnCauseAnalysis() {
    driver.runDueTimers(cycle);
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning", "Narkotika bland unga", "Otrygghet i Badhusparken");

    List<Task> analyses = driver.tasks(cycle, TASK_CAUSE_ANALYSIS);
    assertThat(analyses).hasSize(3);
    assertThat(analyses).extracting(t -> engine.getTaskService().getVariable(t.getId(), PROBLEM.name()))
        .containsExactlyInAnyOrder("Buskörning", "Narkotika bland unga", "Otrygghet i Badhusparken");
  }

  @Test
  void anEmptyListOfProblemsIsRefusedAndTheTaskStaysOpen() {
    driver.runDueTimers(cycle);
    driver.completeSituationPictures(cycle);

    assertThatThrownBy(() -> driver.completeMerge(cycle))
        .hasMessageContaining("Ange minst ett prioriterat problem");
    assertThat(cycle).isWaitingAt(TASK_MERGE_AND_PRIORITISE);
  }

  @Test
  void aReturnedPlanGoesBackToTheActionPlanWithTheCommentsAndIsDecidedAgain() {
    driver.runDueTimers(cycle);
    driver.driveToSteeringDecision(cycle);
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "RETURN", "Ange var trafikkontrollerna ska göras");
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);

    assertThat(cycle).isWaitingAt(TASK_ACTION_PLAN);
    assertThat(timesPassed(TASK_ACTION_PLAN)).as("back at the action plan").isEqualTo(2);
    assertThat(cycle).variables().containsEntry(DECISION_ROUND.name(), 1)
        .containsEntry(STEERING_GROUP_AGREES.name(), false);
    assertThat(STEERING_COMMENTS.of(engine.getRuntimeService().getVariable(cycle.getId(),
        STEERING_COMMENTS.name())))
        .contains("Omgång 1", "Polisen: återremitterar – Ange var trafikkontrollerna ska göras",
            "Kommunen: godkänner");

    driver.completeActionPlanAndPreparation(cycle, "Trafikkontroller vid Åsaskolan och Kollaskolan");
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);

    assertThat(cycle).isWaitingAt(TASK_SIGN_AND_PUBLISH);
    assertThat(cycle).variables().containsEntry(DECISION_ROUND.name(), 2).containsEntry(PLAN_VERSION.name(), 2);
    assertThat(PLAN_SUMMARY.of(engine.getRuntimeService().getVariable(cycle.getId(), PLAN_SUMMARY.name())))
        .contains("Trafikkontroller vid Åsaskolan och Kollaskolan");
  }

  @Test
  void bothPartiesReturningKeepsEveryRoundsComments() {
    driver.runDueTimers(cycle);
    driver.driveToSteeringDecision(cycle);
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "RETURN", "Mät löftena");
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "RETURN", "Ta med skolorna");
    driver.completeActionPlanAndPreparation(cycle, "Andra versionen");
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "RETURN", "Budgeten saknas");

    assertThat(cycle).isWaitingAt(TASK_ACTION_PLAN);
    String comments = STEERING_COMMENTS.of(engine.getRuntimeService().getVariable(cycle.getId(),
        STEERING_COMMENTS.name()));
    assertThat(comments).contains("Omgång 2", "Budgeten saknas", "Omgång 1", "Mät löftena", "Ta med skolorna");
    assertThat(comments.indexOf("Omgång 2")).isLessThan(comments.indexOf("Omgång 1"));
  }

  @Test
  void aReturnWithoutAReasonIsRefusedInSwedish() {
    driver.runDueTimers(cycle);
    driver.driveToSteeringDecision(cycle);

    assertThatThrownBy(() -> driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "RETURN", "  "))
        .hasMessageContaining("Skriv varför planen återremitteras");
    assertThatThrownBy(() -> driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "MAYBE", null))
        .hasMessageContaining("Välj om planen godkänns eller återremitteras");
    assertThat(driver.task(cycle, TASK_POLICE_STEERING_DECISION)).isNotNull();
  }

  @Test
  void aCauseAnalysisWithoutCausesIsRefusedAndNothingIsStored() {
    driver.runDueTimers(cycle);
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning");
    Task analysis = driver.task(cycle, TASK_CAUSE_ANALYSIS);

    assertThatThrownBy(() -> engine.getTaskService().complete(analysis.getId(), Map.of(CAUSES.name(), "")))
        .hasMessageContaining("Orsaker måste fyllas i");
    String agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    assertThat(records.causeAnalyses(agreementId, 2025)).isEmpty();
    assertThat(cycle).isWaitingAt(TASK_CAUSE_ANALYSIS);
  }

  @Test
  void dueDatesFollowTheYearlyCalendar() {
    driver.runDueTimers(cycle);
    assertThat(driver.task(cycle, TASK_POLICE_SITUATION_PICTURE)).hasDueDate(Clock.endOf("2024-03-15"));
    assertThat(driver.task(cycle, TASK_MUNICIPAL_SITUATION_PICTURE)).hasDueDate(Clock.endOf("2024-03-15"));
    driver.completeSituationPictures(cycle);
    assertThat(driver.task(cycle, TASK_MERGE_AND_PRIORITISE)).hasDueDate(Clock.endOf("2024-03-31"));
    driver.completeMerge(cycle, "Buskörning");
    assertThat(driver.task(cycle, TASK_CAUSE_ANALYSIS)).hasDueDate(Clock.endOf("2024-05-31"));
    driver.completeCauseAnalyses(cycle);
    assertThat(driver.task(cycle, TASK_ACTION_PLAN)).hasDueDate(Clock.endOf("2024-09-30"));
    driver.complete(cycle, TASK_ACTION_PLAN, driver.actionPlan(cycle, "Trafikkontroller"));
    assertThat(driver.task(cycle, TASK_PREPARE_STEERING_GROUP)).hasDueDate(Clock.endOf("2024-11-30"));
    driver.complete(cycle, TASK_PREPARE_STEERING_GROUP, CycleDriver.preparation("Förslag"));
    assertThat(driver.task(cycle, TASK_POLICE_STEERING_DECISION)).hasDueDate(Clock.endOf("2024-12-15"));
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    assertThat(driver.task(cycle, TASK_SIGN_AND_PUBLISH)).hasDueDate(Clock.endOf("2024-12-31"));
    driver.complete(cycle, TASK_SIGN_AND_PUBLISH, Map.of("signedOn", "2025-12-20", "publishedAt", "polisen.se"));
    assertThat(driver.task(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING)).hasDueDate(Clock.endOf("2025-05-15"));
    assertThat(cycle).as("the half-year follow-up waits for its meeting to be set").isWaitingAt(
        TASK_SCHEDULE_FOLLOW_UP_MEETING, TIMER_NEXT_FOLLOW_UP, TIMER_ACTIVITY_OVERDUE);
    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2025-06-10",
        "steeringMeetingPlace", "Polisstationen"));
    assertThat(driver.task(cycle, TASK_HALF_YEAR_FOLLOW_UP)).hasDueDate(Clock.endOf("2025-06-30"));
    driver.complete(cycle, TASK_HALF_YEAR_FOLLOW_UP, Map.of(HALF_YEAR_CONCLUSIONS.name(), "Enligt plan"));
    driver.driveActivityFollowUps(cycle, CycleDriver::ongoingUntilTheLastFollowUp);
    assertThat(driver.task(cycle, TASK_YEARLY_FOLLOW_UP_REPORT)).hasDueDate(Clock.endOf("2026-02-28"));
  }

  @Test
  void aTaskCreatedAfterItsDeadlineGetsTheGracePeriodInsteadOfBeingOverdueAtOnce() {
    driver.runDueTimers(cycle);
    Clock.setTo("2024-04-10T10:00");
    driver.completeSituationPictures(cycle);

    assertThat(driver.task(cycle, TASK_MERGE_AND_PRIORITISE)).hasDueDate(Clock.endOf("2024-04-24"));
  }
}
