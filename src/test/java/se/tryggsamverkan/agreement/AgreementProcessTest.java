package se.tryggsamverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.agreement.engine.AgreementProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import se.tryggsamverkan.cycle.engine.YearlyCycleProcess;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

@PostgresProcessTest
class AgreementProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired AgreementRepository agreements;

  CycleDriver driver;
  TestMunicipality kavlinge;

  @BeforeEach
  void setUp() {
    init(engine);
    kavlinge = TestMunicipality.create(identity, "Kävlinge");
    driver = new CycleDriver(engine, kavlinge);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void aFourYearAgreementRunsFourYearlyCyclesThenTheEvaluationByBothParties() {
    // the first year is planned the year before the period starts
    Clock.setTo("2022-01-02T08:00");
    ProcessInstance agreement = driver.startAgreement("kv-" + kavlinge.tenantId(),
        kavlinge.agreementStart("2023-01-01", "2026-12-31", "MUNICIPALITY"));

    assertThat(agreement).isWaitingAt(CALL_YEARLY_CYCLE);
    List<ProcessInstance> cycles = List.of(driver.cycle(agreement, 2023), driver.cycle(agreement, 2024),
        driver.cycle(agreement, 2025), driver.cycle(agreement, 2026));
    assertThat(cycles).allSatisfy(c -> assertThat(c).isNotNull().isWaitingAt(YearlyCycleProcess.TIMER_CYCLE_START));
    // only the first year's planning has started; the next waits for 1 January the year before it
    assertThat(driver.runDueTimers(cycles.get(1))).isZero();

    for (int i = 0; i < cycles.size(); i++) {
      int year = 2023 + i;
      Clock.setTo((year - 1) + "-01-02T08:00");
      driver.driveWholeCycle(cycles.get(i), "Lärdomar " + year);
      assertThat(cycles.get(i)).isEnded();
      if (i + 1 < cycles.size()) {
        Clock.setTo(year + "-01-02T08:00");
        driver.runDueTimers(cycles.get(i + 1));
        assertThat(YearlyCycleProcess.PREVIOUS_LESSONS.of(engine.getRuntimeService().getVariable(
            cycles.get(i + 1).getId(), "previousLessons"))).contains("Lärdomar från årscykel " + year, "Lärdomar " + year);
      }
    }

    assertThat(agreement).isWaitingAt(TASK_POLICE_EVALUATION, TASK_MUNICIPAL_EVALUATION);
    assertThat(driver.task(agreement, TASK_POLICE_EVALUATION)).hasCandidateGroup("police-coordinator");
    assertThat(driver.task(agreement, TASK_MUNICIPAL_EVALUATION)).hasCandidateGroup("municipal-coordinator");
    // a value that is none of the form's options was stored before (issue 12)
    assertThatThrownBy(() -> driver.complete(agreement, TASK_POLICE_EVALUATION, Map.of("evaluation",
        "Bra samverkan", "renewalRecommendation", "MAYBE"))).hasMessageContaining(
            "Förnya överenskommelsen?: 'MAYBE' är inget av alternativen (Ja, med samma inriktning, "
                + "Ja, med ändrad inriktning, Nej)");
    driver.complete(agreement, TASK_POLICE_EVALUATION, Map.of("evaluation", "Bra samverkan",
        "renewalRecommendation", "RENEW"));
    driver.complete(agreement, TASK_MUNICIPAL_EVALUATION, Map.of("evaluation", "Fortsätt",
        "renewalRecommendation", "RENEW_CHANGED"));
    assertThat(agreement).isEnded().hasPassed(END_EVENT);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .superProcessInstanceId(agreement.getId()).finished().count()).isEqualTo(4);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(agreement.getId())
        .variableName("municipalRenewalRecommendation").singleResult().getValue()).isEqualTo("RENEW_CHANGED");
  }

  @Test
  void cyclesAndTheirTasksBelongToTheAgreementsMunicipality() {
    Clock.setTo("2025-01-02T08:00");
    ProcessInstance agreement = driver.startAgreement("kv1-" + kavlinge.tenantId(),
        kavlinge.agreementStart("2025-01-01", "2025-12-31", "MUNICIPALITY"));
    ProcessInstance cycle = driver.cycle(agreement, 2025);
    driver.runDueTimers(cycle);

    assertThat(agreement.getTenantId()).isEqualTo(kavlinge.tenantId());
    assertThat(cycle.getTenantId()).isEqualTo(kavlinge.tenantId());
    assertThat(driver.task(cycle, YearlyCycleProcess.TASK_POLICE_SITUATION_PICTURE).getTenantId())
        .isEqualTo(kavlinge.tenantId());
    Agreement stored = agreements.findByTenant(kavlinge.tenantId()).get(0);
    assertThat(stored.municipality()).isEqualTo("Kävlinge");
    assertThat(stored.cycleYears()).containsExactly(2025);
    assertThat(stored.policeCoordinator()).isEqualTo(kavlinge.user(Role.POLICE_COORDINATOR));
  }

  @Test
  void aCoordinatorSeesOnlyTheirOwnMunicipalitysTasks() {
    Clock.setTo("2025-01-02T08:00");
    TestMunicipality kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    for (TestMunicipality m : List.of(kavlinge, kungsbacka)) {
      ProcessInstance a = driver.startAgreement("iso-" + m.tenantId(),
          m.agreementStart("2025-01-01", "2025-12-31", "MUNICIPALITY"));
      driver.runDueTimers(driver.cycle(a, 2025));
    }
    try {
      identity.setAuthentication(kungsbacka.user(Role.POLICE_COORDINATOR), List.of("police-coordinator"),
          List.of(kungsbacka.tenantId()));
      var visible = engine.getTaskService().createTaskQuery().taskCandidateGroup("police-coordinator").list();
      assertThat(visible).isNotEmpty().allSatisfy(t -> assertThat(t.getTenantId()).isEqualTo(kungsbacka.tenantId()));
      assertThat(engine.getTaskService().createTaskQuery().tenantIdIn(kavlinge.tenantId()).count()).isZero();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aStartWithAPeriodEndingBeforeItBeginsIsRefusedInSwedishAndNothingIsStored() {
    Map<String, Object> start = kavlinge.agreementStart("2026-01-01", "2025-12-31", "MUNICIPALITY");

    assertThatThrownBy(() -> driver.startAgreement("bad-" + kavlinge.tenantId(), start))
        .hasMessageContaining("Periodens sista dag måste komma efter den första");
    assertThat(agreements.findByTenant(kavlinge.tenantId())).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().tenantIdIn(kavlinge.tenantId()).count())
        .isZero();
  }

  /** Year 1 was stored as 0001-01-03–0002-01-02 (a calendar shift) with cycles for years 1 and 2; 9999 too. */
  @Test
  void aPeriodOutsideTheYears2000To2099IsRefusedAtTheEdges() {
    Clock.setTo("2026-01-02T08:00");
    for (String[] period : new String[][] {{"0001-01-01", "0001-12-31"}, {"1999-01-01", "2000-12-31"},
        {"2099-01-01", "2100-12-31"}, {"9999-01-01", "9999-12-31"}}) {
      Map<String, Object> start = kavlinge.agreementStart(period[0], period[1], "MUNICIPALITY");
      assertThatThrownBy(() -> driver.startAgreement("years-" + period[0] + "-" + kavlinge.tenantId(), start))
          .as("%s–%s", period[0], period[1]).hasMessageContaining("ligger utanför åren 2000–2099");
    }
    assertThat(agreements.findByTenant(kavlinge.tenantId())).isEmpty();

    driver.startAgreement("years-ok-" + kavlinge.tenantId(),
        kavlinge.agreementStart("2096-01-01", "2099-12-31", "MUNICIPALITY"));
    assertThat(agreements.findByTenant(kavlinge.tenantId())).singleElement()
        .satisfies(a -> assertThat(a.periodStart()).isEqualTo(java.time.LocalDate.of(2096, 1, 1)))
        .satisfies(a -> assertThat(a.periodEnd()).isEqualTo(java.time.LocalDate.of(2099, 12, 31)));
  }

  /** Started from Tasklist's start form there is no business key; the cycles were named "-2027". */
  @Test
  void anAgreementStartedWithoutABusinessKeyIsNamedByItsMunicipalityAndYears() {
    Clock.setTo("2026-01-02T08:00");
    ProcessInstance agreement = engine.getRuntimeService().startProcessInstanceByKey("collaborationAgreement",
        kavlinge.agreementStart("2027-01-01", "2028-12-31", "MUNICIPALITY"));

    String key = kavlinge.tenantId() + "-2027-2028";
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(agreement.getId())
        .singleResult().getBusinessKey()).isEqualTo(key);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(agreement.getId())
        .list()).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(key + "-2027", key + "-2028");
  }

  /** Two agreements for one municipality ran two cycles for 2026. */
  @Test
  void aSecondAgreementOverlappingTheFirstIsRefusedAndOneThatFollowsItIsTaken() {
    Clock.setTo("2026-01-02T08:00");
    driver.startAgreement("first-" + kavlinge.tenantId(),
        kavlinge.agreementStart("2023-01-01", "2026-12-31", "MUNICIPALITY"));

    Map<String, Object> overlapping = kavlinge.agreementStart("2026-12-31", "2028-12-31", "POLICE");
    assertThatThrownBy(() -> driver.startAgreement("overlap-" + kavlinge.tenantId(), overlapping))
        .hasMessageContaining("Kommunen har redan en överenskommelse för 2023-01-01–2026-12-31");
    driver.startAgreement("renewed-" + kavlinge.tenantId(),
        kavlinge.agreementStart("2027-01-01", "2030-12-31", "MUNICIPALITY"));

    assertThat(agreements.findByTenant(kavlinge.tenantId())).extracting(a -> a.periodStart().getYear())
        .containsExactly(2023, 2027);
  }

  @Test
  void aStartNamingSomeoneOutsideTheMunicipalityOrRoleIsRefused() {
    TestMunicipality other = TestMunicipality.create(identity, "Kungsör");
    Map<String, Object> start = kavlinge.agreementStart("2025-01-01", "2026-12-31", "MUNICIPALITY");
    start.put(POLICE_COORDINATOR.name(), other.user(Role.POLICE_COORDINATOR));
    start.put(MUNICIPAL_STEERING_MEMBER.name(), kavlinge.user(Role.ACTIVITY_OWNER));

    assertThatThrownBy(() -> driver.startAgreement("bad2-" + kavlinge.tenantId(), start))
        .hasMessageContaining("Kommunpolis: användaren '" + other.user(Role.POLICE_COORDINATOR)
            + "' finns inte i kommunens användare")
        .hasMessageContaining("har inte rollen Kommundirektör / KSO (styrgruppen)");
    assertThat(agreements.findByTenant(kavlinge.tenantId())).isEmpty();
  }

  @Test
  void aStartWithMissingFieldsNamesEveryMissingField() {
    Map<String, Object> start = new HashMap<>(Map.of(TENANT_ID.name(), kavlinge.tenantId()));

    assertThatThrownBy(() -> driver.startAgreement("bad3-" + kavlinge.tenantId(), start))
        .hasMessageContaining("Kommun måste fyllas i")
        .hasMessageContaining("Lokalpolisområde måste fyllas i")
        .hasMessageContaining("Periodens första dag måste fyllas i")
        .hasMessageContaining("Kommunpolis måste fyllas i");
  }

  @Test
  void aStartWithoutAMunicipalityIsRefused() {
    Map<String, Object> start = kavlinge.agreementStart("2025-01-01", "2025-12-31", "MUNICIPALITY");
    start.remove(TENANT_ID.name());

    assertThatThrownBy(() -> driver.startAgreement("bad4", start))
        .hasMessageContaining("kan inte knytas till någon kommun");
  }

  @Test
  void anAgreementsOwnDeadlineOverridesTheDefaultCalendar() {
    Clock.setTo("2025-01-02T08:00");
    Map<String, Object> start = kavlinge.agreementStart("2025-01-01", "2025-12-31", "MUNICIPALITY");
    start.put(DEADLINES.name(), "{\"SITUATION_PICTURE\": \"02-28\"}");
    ProcessInstance cycle = driver.cycle(driver.startAgreement("dl-" + kavlinge.tenantId(), start), 2025);
    driver.runDueTimers(cycle);

    assertThat(driver.task(cycle, YearlyCycleProcess.TASK_POLICE_SITUATION_PICTURE))
        .hasDueDate(Clock.endOf("2025-02-28"));
  }

  @Test
  void aMalformedDeadlineIsRefusedWithTheExpectedFormat() {
    Map<String, Object> start = kavlinge.agreementStart("2025-01-01", "2025-12-31", "MUNICIPALITY");
    start.put(DEADLINES.name(), "{\"ACTION_PLAN\": \"30 september\"}");

    assertThatThrownBy(() -> driver.startAgreement("dl2-" + kavlinge.tenantId(), start))
        .hasMessageContaining("Ogiltig tidsfrist '30 september': skriv MM-DD");
  }

  @ParameterizedTest(name = "first chair {0}, decision task created {1}: {2} chairs")
  @CsvSource({
      "MUNICIPALITY, 2025-06-30T16:00, Kommunen",
      "MUNICIPALITY, 2025-07-01T08:00, Polisen",
      "POLICE,       2025-06-30T16:00, Polisen",
      "POLICE,       2025-07-01T08:00, Kommunen"})
  void theSteeringGroupChairFollowsTheHalfYearRotation(String firstChair, String when, String expectedChair) {
    Clock.setTo("2025-01-02T08:00");
    ProcessInstance agreement = driver.startAgreement("ch-" + firstChair + when.hashCode() + kavlinge.tenantId(),
        kavlinge.agreementStart("2025-01-01", "2025-12-31", firstChair));
    ProcessInstance cycle = driver.cycle(agreement, 2025);
    driver.runDueTimers(cycle);
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning");
    driver.completeCauseAnalyses(cycle);
    Clock.setTo(when);
    driver.completeActionPlanAndPreparation(cycle, "Plan");

    for (String task : List.of(YearlyCycleProcess.TASK_POLICE_STEERING_DECISION,
        YearlyCycleProcess.TASK_MUNICIPAL_STEERING_DECISION)) {
      assertThat(engine.getTaskService().getVariable(driver.task(cycle, task).getId(), "steeringChair"))
          .isEqualTo(expectedChair);
    }
  }
}
