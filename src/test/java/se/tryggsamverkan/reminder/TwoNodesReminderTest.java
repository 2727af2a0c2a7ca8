package se.tryggsamverkan.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import se.tryggsamverkan.TryggSamverkanApplication;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.EmbeddedPostgres;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Two application nodes on one PostgreSQL, both with their job executors running, sweeping at the same time:
 * every reminder reaches the SMTP server exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "trygg.demo.enabled=false", "trygg.admin.password=", "trygg.password-policy=false",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=100", "camunda.bpm.job-execution.max-wait=500",
    "trygg.mail.transport=smtp", "spring.mail.host=localhost", "spring.mail.port=3027"})
@ContextConfiguration(initializers = EmbeddedPostgres.class)
// closed after the class: its job executor would go on retrying mails to the GreenMail server stopped with it,
// taking a core and connections from the test classes after it
@DirtiesContext
class TwoNodesReminderTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3027, null, "smtp"))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  static ConfigurableApplicationContext nodeB;

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  private ProcessEngine startNodeB() {
    // command-line arguments: they outrank application.yaml, as an operator's settings do
    nodeB = new SpringApplicationBuilder(TryggSamverkanApplication.class).run(
        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--server.port=0", "--trygg.demo.enabled=false", "--trygg.admin.password=", "--trygg.password-policy=false",
        "--camunda.bpm.process-engine-name=nodeB", "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.wait-time-in-millis=100", "--camunda.bpm.job-execution.max-wait=500",
        "--trygg.mail.transport=smtp", "--spring.mail.host=localhost", "--spring.mail.port=3027");
    ProcessEngine b = nodeB.getBean(ProcessEngine.class);
    assertThat(b.getName()).isEqualTo("nodeB");
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) b.getProcessEngineConfiguration())
        .getJobExecutor().isActive()).as("node B's job executor runs").isTrue();
    assertThat(nodeB.getEnvironment().getProperty("spring.datasource.url"))
        .isEqualTo(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
    return b;
  }

  @Test
  void twoNodesSweepingTogetherSendEachReminderExactlyOnce() throws Exception {
    ProcessEngine b = startNodeB();
    Clock.setTo("2026-01-02T09:00");
    List<TestMunicipality> municipalities = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      TestMunicipality m = TestMunicipality.create(identity, "Kommun " + i);
      new CycleDriver(engine, m).startAgreement("two-" + m.tenantId(),
          m.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY"));
      municipalities.add(m);
    }
    await("the cycles' timers have run on either node", () -> engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_PoliceSituationPicture").tenantIdIn(tenants(municipalities)).count() == 6);

    Clock.setTo("2026-03-08T08:00");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> sweeps = new ArrayList<>();
    for (RuntimeService runtime : List.of(engine.getRuntimeService(), b.getRuntimeService(),
        engine.getRuntimeService(), b.getRuntimeService())) {
      sweeps.add(threads.submit(() -> runtime.startProcessInstanceByKey("reminderSweep")));
    }
    for (Future<?> sweep : sweeps) {
      sweep.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    await("every mail is delivered", () -> jdbc.sql("select count(*) from mail_outbox where status in "
        + "('PENDING', 'FAILED')").query(Integer.class).single() == 0
        && engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("reminderSweep").count() == 0);

    for (TestMunicipality m : municipalities) {
      for (Role role : List.of(Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR)) {
        assertThat(received(m.user(role))).as(m.user(role)).isEqualTo(1);
      }
    }
    assertThat(jdbc.sql("select count(*) from mail_outbox where status = 'SENT'").query(Integer.class).single())
        .isEqualTo(12);
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    // which node delivered what (both job executors compete; the split varies from run to run)
    Map<String, Long> deliveriesByNode = engine.getHistoryService().createHistoricJobLogQuery()
        .processDefinitionKey("reminderSweep").successLog().list().stream()
        .collect(Collectors.groupingBy(log -> log.getHostname(), Collectors.counting()));
    System.out.println("Successful reminder-sweep jobs per node: " + deliveriesByNode);
  }

  private static String[] tenants(List<TestMunicipality> municipalities) {
    return municipalities.stream().map(TestMunicipality::tenantId).toArray(String[]::new);
  }

  private long received(String userId) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
            .map(Object::toString).collect(Collectors.toSet()).contains(userId + "@example.org");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long until = System.currentTimeMillis() + 90_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("Gave up waiting until " + what);
      }
      Thread.sleep(200);
    }
  }
}
