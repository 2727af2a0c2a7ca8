package se.tryggsamverkan.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.reminder.engine.ReminderSweepProcess;
import se.tryggsamverkan.support.EmbeddedPostgres;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * A mail server that accepts connections and never answers, and more sweeps delivering to it than there are job
 * threads (each sweep lasts until the next ones start): the engine delivers on all its threads at once, and each delivering job holds its own connection for
 * as long as it waits on the server, plus a mail's while that mail is marked. With the product's job threads and
 * pool, every mail is recorded as failed with the server's silence as its reason, to be retried, and a coordinator
 * working meanwhile is answered. With Camunda's default of up to 10 threads on the embedded default's pool of 10
 * (the settings before; run with -DJOB_THREADS=10 to see it), the jobs took every connection and waited on each
 * other and on the users until the pool gave up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "trygg.demo.enabled=false", "trygg.admin.password=", "trygg.password-policy=false",
    "trygg.statistics.kolada.refresh-cron=-",
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=100", "camunda.bpm.job-execution.max-wait=500",
    "trygg.mail.transport=smtp", "spring.mail.host=localhost",
    "spring.mail.properties.mail.smtp.connectiontimeout=100", "spring.mail.properties.mail.smtp.timeout=100",
    // a pool that gives up soon, so that a starved job or request shows within the test
    "spring.datasource.hikari.connection-timeout=3000"})
@ContextConfiguration(initializers = EmbeddedPostgres.class)
@DirtiesContext
class MailDeliveryOnEveryJobThreadTest {

  /** Ten sweeps of one batch each (a mail server's 25): more than twice the job threads. */
  private static final int BATCHES = 10;
  private static final int MAILS = BATCHES * 25;

  static final ServerSocket SILENT_SMTP = silentServer();
  static final List<Socket> HELD = new CopyOnWriteArrayList<>();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", SILENT_SMTP::getLocalPort);
  }

  @AfterAll
  static void closeServer() throws IOException {
    SILENT_SMTP.close();
    for (Socket socket : HELD) {
      socket.close();
    }
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  @Test
  void everyJobThreadWaitsOnASilentMailServerAndACoordinatorIsStillAnswered() throws Exception {
    TestMunicipality lerum = TestMunicipality.create(identity, "Lerum");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < MAILS; i++) {
      ids.add(jdbc.sql("""
          insert into mail_outbox (tenant_id, task_id, task_name, kind, due_date, recipient, email, status, subject,
            body_text, body_html, attempts, created_at)
          values (:tenant, 'aktivitet-1', 'Trafikkontroller', 'ACTIVITY_DELAYED', date '2027-03-31', :recipient,
            :email, 'PENDING', 'Aktiviteten är försenad', 'Trafikkontroller är försenad.',
            '<p>Trafikkontroller är försenad.</p>', 0, current_timestamp) returning id""")
          .param("tenant", lerum.tenantId()).param("recipient", "mottagare-" + i)
          .param("email", "mottagare-" + i + "@lerum.example").query(Long.class).single());
    }

    // a sweep's batches go one after the other (the engine runs one job of an instance at a time), so the silent
    // server makes each sweep last until the next ones start: ten sweeps deliver at once
    for (int batch = 0; batch < BATCHES; batch++) {
      engine.getRuntimeService().createProcessInstanceByKey(ReminderSweepProcess.KEY)
          .startBeforeActivity("Task_SendMail#multiInstanceBody")
          .setVariable(ReminderSweepProcess.MAIL_IDS.name(),
              SpinValues.jsonValue(ids.subList(batch * 25, batch * 25 + 25).toString()).create())
          .execute();
    }

    // a coordinator works in Tasklist while every batch waits on the server once
    Http http = new Http(port);
    List<Integer> answers = new ArrayList<>();
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
    while (failedOnce().size() < BATCHES && Instant.now().isBefore(giveUp)) {
      answers.add(http.get("/engine-rest/task/count", lerum.user(Role.POLICE_COORDINATOR), "test").statusCode());
      Thread.sleep(100);
    }

    assertThat(failedOnce()).as("every batch tried once, to be retried").hasSize(BATCHES)
        .allSatisfy(job -> assertThat(job.getExceptionMessage()).startsWith("25 of 25 mails could not be sent"));
    assertThat(answers).as("the coordinator's requests meanwhile").isNotEmpty().containsOnly(200);
    assertThat(jdbc.sql("select status, count(*) from mail_outbox group by status")
        .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list()).containsExactly("FAILED " + MAILS);
    assertThat(jdbc.sql("select count(*) from mail_outbox where last_error not like '%timed out%'")
        .query(Long.class).single()).as("failed for the server's silence, not for a connection").isZero();
    assertThat(HELD).as("the server was asked").isNotEmpty();
  }

  /** The sweeps' delivery jobs that have failed (and wait for their retry). */
  private List<Job> failedOnce() {
    ManagementService management = engine.getManagementService();
    return management.createJobQuery().processDefinitionKey(ReminderSweepProcess.KEY).withException().list();
  }

  /** Accepts every connection and says nothing: a mail server that hangs. */
  private static ServerSocket silentServer() {
    try {
      ServerSocket server = new ServerSocket(0);
      Thread accepting = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            HELD.add(server.accept());
          } catch (IOException closed) {
            return;
          }
        }
      }, "silent-smtp");
      accepting.setDaemon(true);
      accepting.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
