package se.tryggsamverkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a newcomer gets from `mvn spring-boot:run`: the embedded H2 file database, the demo municipalities and
 * users, an administrator, and work waiting in every demo user's Tasklist. Nothing but the database's place
 * is changed from the default configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultProfileTest {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void databaseInATemporaryFolder(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("trygg-samverkan")
        + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void theDemosFirstReminderSweepRecordsMailsWithinSecondsOfStart() throws InterruptedException {
    String kinds = "";
    for (int i = 0; i < 60 && !(kinds.contains("REMINDER_7") && kinds.contains("ESCALATION_1")); i++) {
      Thread.sleep(500);
      kinds = String.join(",", jdbc.sql("select distinct kind from mail_outbox where status = 'SENT'")
          .query(String.class).list());
    }
    assertThat(kinds).contains("REMINDER_7", "ESCALATION_1");
    assertThat(jdbc.sql("select count(*) from mail_outbox where tenant_id = 'kungsbacka' and kind = 'ESCALATION_1' "
        + "and recipient in ('kungsbacka.polis', 'kungsbacka.samordnare', 'kungsbacka.kd')").query(Integer.class)
        .single()).as("escalated to both coordinators and the chair's member (municipality chairs in spring, "
            + "police in autumn)").isGreaterThanOrEqualTo(2);
  }

  @Test
  void theDefaultProfileRunsOnH2WithTheDemoMunicipalitiesAndTheirWork() throws Exception {
    try (var connection = engine.getProcessEngineConfiguration().getDataSource().getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
    assertThat(identity.createTenantQuery().list()).extracting(t -> t.getId())
        .contains("kungsbacka", "kavlinge");
    assertThat(identity.checkPassword("kungsbacka.polis", "demo")).isTrue();
    assertThat(identity.checkPassword("admin", "admin")).isTrue();

    Task situationPicture = engine.getTaskService().createTaskQuery().tenantIdIn("kungsbacka")
        .taskCandidateGroup("police-coordinator").singleResult();
    assertThat(situationPicture.getTaskDefinitionKey()).isEqualTo("Task_PoliceSituationPicture");
    assertThat(situationPicture.getDueDate()).isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().tenantIdIn("kavlinge")
        .taskDefinitionKey("Task_PoliceSteeringDecision").singleResult()).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("kavlinge-2027-2030-2027").singleResult().getId(), "steeringComments"))
        .asString().contains("Omgång 1", "återremitterar");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKeysIn("collaborationAgreement", "yearlyCycle").list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(1825));
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    for (String user : new String[] {"kungsbacka.polis", "kungsbacka.samordnare", "kungsbacka.aktivitet",
        "kavlinge.lpo", "kavlinge.kso", "kavlinge.aktivitet"}) {
      assertThat(engine.getTaskService().createTaskQuery().or().taskCandidateUser(user).taskAssignee(user).endOr()
          .count()).as("open work for %s", user).isPositive();
    }
    // the demo's years were followed up: activity reports, a Försenad of its own, and the yearly reports
    assertThat(jdbc.sql("select count(*) from activity_report where not automatic").query(Integer.class).single())
        .isGreaterThan(40);
    assertThat(jdbc.sql("select a.description from activity_report r join activity a on a.id = r.activity_id "
        + "where r.automatic").query(String.class).list()).as("only Kungsbacka's 2026 parents' lecture is late")
        .containsExactly("Föräldraföreläsning om narkotika genom Föräldrar Emellan");
    assertThat(jdbc.sql("select recipient from mail_outbox where kind = 'ACTIVITY_DELAYED'").query(String.class)
        .list()).containsExactlyInAnyOrder("kungsbacka.aktivitet", "kungsbacka.polis", "kungsbacka.samordnare");
    assertThat(jdbc.sql("select count(*) from yearly_report where final").query(Integer.class).single())
        .as("final reports 2023–2025 for both municipalities").isEqualTo(6);
  }
}
