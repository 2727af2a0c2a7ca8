package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.common.FormLimits;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.plan.Activity;
import se.tryggsamverkan.plan.FollowUpInterval;
import se.tryggsamverkan.plan.PlanChange;
import se.tryggsamverkan.plan.PlanChange.Row;
import se.tryggsamverkan.plan.PlanChange.Status;
import se.tryggsamverkan.plan.PlanChangeDecisions;
import se.tryggsamverkan.plan.Responsible;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Issue 15: a change to the signed plan, proposed row by row during the year and decided by both parties'
 * steering-group members, reaches the running follow-ups only when both approve; a return changes nothing; every
 * proposal and decision is kept. Same plan as {@link ActivityFollowUpProcessTest}; the clock is set, never read.
 */
@PostgresProcessTest
class PlanChangeDecisionsProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired ActivityFollowUp followUp;
  @Autowired PlanChangeDecisions decisions;

  TestMunicipality kb;
  CycleDriver driver;
  ProcessInstance cycle;
  String agreementId;

  @BeforeEach
  void aSignedPlanFor2027InItsFirstFollowUps() {
    SignedYear year = SignedYear.inFebruary2027(engine, identity, "Kungälv", "decide");
    kb = year.municipality();
    driver = year.driver();
    cycle = year.cycle();
    agreementId = year.agreementId();
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void aChangeBothPartiesApproveReachesTheRunningYearRowByRowAndIsKept() {
    long letters = activityId("Föräldrabrev");
    long walks = activityId("Trygghetsvandring");
    Clock.setTo("2027-02-03T10:00");
    Activity cameras = new Activity("Buskörning", "Mobil kamerabevakning vid Kvarnkullen efter skjutningen",
        "Färre mopedbränder och bilbränder", Responsible.POLICE, kb.user(Role.POLICE_COORDINATOR),
        LocalDate.of(2027, 3, 1), LocalDate.of(2027, 8, 31), "Antal anmälda bränder", FollowUpInterval.MONTHLY);
    PlanChange proposed = decisions.propose(agreementId, 2027, "Skjutningen i Kvarnkullen i januari",
        List.of(Row.stop(letters), Row.move(walks, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 10, 31)),
            Row.add(cameras)), kb.user(Role.MUNICIPAL_COORDINATOR));

    assertThat(proposed.status()).isEqualTo(Status.PROPOSED);
    assertThat(proposed.number()).isEqualTo(1);
    assertThat(proposed.rows()).extracting(Row::swedish).containsExactly(
        "Stoppas: Föräldrabrev om narkotika",
        "Nya datum: Trygghetsvandring i Furulund (2027-04-01–2027-10-31)",
        "Ny aktivitet: Mobil kamerabevakning vid Kvarnkullen efter skjutningen (2027-03-01–2027-08-31, "
            + kb.user(Role.POLICE_COORDINATOR) + ")");

    decisions.decide(proposed.id(), Party.POLICE, true, null, kb.user(Role.POLICE_STEERING));
    assertThat(followUpTasks()).as("one approval changes nothing yet").extracting(Task::getName)
        .containsExactly("Följ upp: Föräldrabrev om narkotika");
    assertThat(followUp.activity(walks).activity().start()).isEqualTo(LocalDate.of(2027, 6, 1));

    PlanChange decided = decisions.decide(proposed.id(), Party.MUNICIPALITY, true, "Bra",
        kb.user(Role.MUNICIPAL_STEERING));

    assertThat(decided.status()).isEqualTo(Status.APPROVED);
    assertThat(decided.decidedAt()).isEqualTo(java.time.LocalDateTime.of(2027, 2, 3, 10, 0));
    assertThat(decided.decisions()).extracting(d -> d.party() + " " + d.approves() + " " + d.decidedBy())
        .containsExactlyInAnyOrder("POLICE true " + kb.user(Role.POLICE_STEERING),
            "MUNICIPALITY true " + kb.user(Role.MUNICIPAL_STEERING));
    assertThat(followUpTasks()).as("the stopped activity's open follow-up went with it").isEmpty();
    assertThat(followUp.activity(walks).activity().start()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(followUp.activity(walks).activity().end()).isEqualTo(LocalDate.of(2027, 10, 31));
    Long added = decided.rows().get(2).activityId();
    assertThat(added).as("the added activity's row id is kept with the change").isNotNull();
    assertThat(followUp.activity(added).activity().description()).startsWith("Mobil kamerabevakning");
    assertThat(engine.getRuntimeService().getActivityInstance(cycle.getId())
        .getActivityInstances(SUBPROCESS_ACTIVITY_FOLLOW_UP)).as("three activities, one stopped, one added")
        .hasSize(3);

    Clock.setTo("2027-04-01T08:00");
    driver.runDueTimers(cycle);
    assertThat(followUpTasks()).extracting(Task::getName)
        .contains("Följ upp: Mobil kamerabevakning vid Kvarnkullen efter skjutningen")
        .doesNotContain("Följ upp: Föräldrabrev om narkotika");
    assertThat(decisions.ofYear(agreementId, 2027)).extracting(PlanChange::status).containsExactly(Status.APPROVED);
  }

  @Test
  void aReturnedChangeChangesNothingAndTheNextProposalIsNumberTwo() {
    long letters = activityId("Föräldrabrev");
    PlanChange proposed = decisions.propose(agreementId, 2027, "Breven räcker", List.of(Row.stop(letters)),
        kb.user(Role.POLICE_COORDINATOR));
    assertThatThrownBy(() -> decisions.propose(agreementId, 2027, "Ett till", List.of(Row.stop(letters)),
        kb.user(Role.POLICE_COORDINATOR))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Ett förslag till ändring väntar redan på beslut");
    assertThatThrownBy(() -> decisions.decide(proposed.id(), Party.MUNICIPALITY, false, " ", "x"))
        .hasMessageContaining("Skriv varför ändringen återremitteras");

    PlanChange waiting = decisions.decide(proposed.id(), Party.MUNICIPALITY, false, "Föräldrarna vill ha breven",
        kb.user(Role.MUNICIPAL_STEERING));
    assertThat(waiting.status()).as("decided when both have taken their position").isEqualTo(Status.PROPOSED);
    assertThatThrownBy(() -> decisions.decide(proposed.id(), Party.MUNICIPALITY, true, null, "x"))
        .hasMessageContaining("Kommunen har redan tagit ställning till förslaget");

    PlanChange returned = decisions.decide(proposed.id(), Party.POLICE, true, null, kb.user(Role.POLICE_STEERING));

    assertThat(returned.status()).as("consensus: one return is enough").isEqualTo(Status.RETURNED);
    assertThat(returned.decisions()).extracting(d -> d.party() + " " + d.approves() + " " + d.comment())
        .containsExactlyInAnyOrder("MUNICIPALITY false Föräldrarna vill ha breven", "POLICE true null");
    assertThat(followUpTasks()).extracting(Task::getName).containsExactly("Följ upp: Föräldrabrev om narkotika");
    assertThatThrownBy(() -> decisions.decide(proposed.id(), Party.POLICE, true, null,
        kb.user(Role.POLICE_STEERING))).hasMessageContaining("Förslaget är redan beslutat (Återremitterad)");
    PlanChange second = decisions.propose(agreementId, 2027, "Breven flyttas till våren",
        List.of(Row.move(letters, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 31))),
        kb.user(Role.POLICE_COORDINATOR));
    assertThat(second.number()).isEqualTo(2);
    assertThat(decisions.ofYear(agreementId, 2027)).extracting(c -> c.number() + " " + c.status())
        .containsExactly("1 RETURNED", "2 PROPOSED");
  }

  @Test
  void aProposalThatDoesNotFitTheApprovedPlanIsRefusedFieldByFieldInSwedish() {
    long letters = activityId("Föräldrabrev");
    TestMunicipality other = TestMunicipality.create(identity, "Kävlinge");

    assertThatThrownBy(() -> decisions.propose(agreementId, 2027, "x", List.of(Row.stop(999_999_999L),
        Row.move(letters, LocalDate.of(2027, 5, 1), LocalDate.of(2027, 4, 1)),
        Row.reassign(letters, other.user(Role.MUNICIPAL_COORDINATOR))), "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Ändrad aktivitet 1: Aktiviteten finns inte i årets beslutade plan")
        .hasMessageContaining("Ändrad aktivitet 2: Slutdatum 2027-04-01 får inte vara före startdatum 2027-05-01")
        .hasMessageContaining("Ändrad aktivitet 3: Ansvarig person '" + other.user(Role.MUNICIPAL_COORDINATOR)
            + "' är ingen användare i kommunen");
    assertThatThrownBy(() -> decisions.propose(agreementId, 2027, " ", List.of(), "x"))
        .hasMessageContaining("Skäl till ändringen måste fyllas i").hasMessageContaining("Ange minst en ändring");
    assertThatThrownBy(() -> decisions.propose(agreementId, 2027, "x".repeat(PlanChangeDecisions.MAX_REASON + 1),
        List.of(Row.stop(letters)), "x")).hasMessageContaining("Skäl till ändringen");
    Activity longArea = new Activity("x".repeat(FormLimits.max("actionPlan", "activities.focusArea") + 1), "Ny",
        "Effekt", Responsible.POLICE, kb.user(Role.POLICE_COORDINATOR), LocalDate.of(2027, 3, 1),
        LocalDate.of(2027, 8, 31), "Antal", FollowUpInterval.MONTHLY);
    assertThatThrownBy(() -> decisions.propose(agreementId, 2027, "x", List.of(Row.add(longArea)), "x"))
        .as("one past the column's limit is a refusal, not a database error")
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Ny aktivitet 1: Fokusområde");
    assertThat(decisions.ofYear(agreementId, 2027)).as("nothing recorded from a refusal").isEmpty();

    PlanChange atTheLimit = decisions.propose(agreementId, 2027, "x".repeat(PlanChangeDecisions.MAX_REASON),
        List.of(Row.stop(letters)), "x");
    assertThat(atTheLimit.reason()).hasSize(PlanChangeDecisions.MAX_REASON);
  }

  private List<Task> followUpTasks() {
    return driver.tasks(cycle, TASK_FOLLOW_UP_ACTIVITY);
  }

  private long activityId(String description) {
    return followUp.approvedActivities(agreementId, 2027).stream()
        .filter(a -> a.activity().description().startsWith(description)).findFirst().orElseThrow().id();
  }
}
