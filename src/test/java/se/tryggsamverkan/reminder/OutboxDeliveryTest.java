package se.tryggsamverkan.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.SweepDriver;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * The embedded default's transport, the outbox alone (issue 18): a sweep records its mails many rows per statement
 * and delivers a batch in one transaction. Each mail still goes once per task, kind, due date and recipient, a
 * sweep after it records and sends nothing again, and a mail whose task was completed before delivery is cancelled.
 * A batch is 2,000 mails, marked with one statement for the sent, which skips a mail another job marked first.
 */
@PostgresProcessTest
class OutboxDeliveryTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired Outbox outbox;

  TestMunicipality kb;
  CycleDriver driver;
  SweepDriver sweeps;
  ProcessInstance cycle;

  /** Agreement for 2027: both situation pictures are due 15 March 2026, a week after the sweeps below. */
  @BeforeEach
  void situationPicturesDueOnTheFifteenthOfMarch() {
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Outboxby");
    driver = new CycleDriver(engine, kb);
    sweeps = new SweepDriver(engine);
    cycle = driver.cycleAtTheSituationPictures("outbox-" + kb.tenantId(), 2027);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  private List<String> statuses(String recipient) {
    return jdbc.sql("select status from mail_outbox where tenant_id = :t and recipient = :r order by id")
        .param("t", kb.tenantId()).param("r", recipient).query(String.class).list();
  }

  @Test
  void eachReminderIsRecordedAndDeliveredOnceAndACompletedTasksMailIsCancelled() {
    Clock.setTo("2026-03-08T08:00");
    ProcessInstance sweep = engine.getRuntimeService().startProcessInstanceByKey("reminderSweep");
    // planned, not yet delivered: the police's task is completed in between
    assertThat(statuses(kb.user(Role.POLICE_COORDINATOR))).containsExactly("PENDING");
    driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, Map.of(SITUATION_PICTURE.name(), "Klar"));
    sweeps.runJobs(sweep.getId());

    assertThat(statuses(kb.user(Role.POLICE_COORDINATOR))).containsExactly("CANCELLED");
    assertThat(statuses(kb.user(Role.MUNICIPAL_COORDINATOR))).containsExactly("SENT");
    assertThat(jdbc.sql("select last_error from mail_outbox where tenant_id = :t and status = 'CANCELLED'")
        .param("t", kb.tenantId()).query(String.class).single()).isEqualTo("Uppgiften är redan klar eller borttagen");
    var sentAt = jdbc.sql("select sent_at from mail_outbox where tenant_id = :t and status = 'SENT'")
        .param("t", kb.tenantId()).query(java.sql.Timestamp.class).single();

    // five minutes later the next sweep finds the same reminder due: nothing new, nothing sent again
    Clock.setTo("2026-03-08T08:05");
    assertThat(sweeps.sweep()).isEmpty();
    assertThat(statuses(kb.user(Role.MUNICIPAL_COORDINATOR))).containsExactly("SENT");
    assertThat(jdbc.sql("select sent_at from mail_outbox where tenant_id = :t and status = 'SENT'")
        .param("t", kb.tenantId()).query(java.sql.Timestamp.class).single()).isEqualTo(sentAt);
    assertThat(jdbc.sql("select attempts from mail_outbox where tenant_id = :t and status = 'SENT'")
        .param("t", kb.tenantId()).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void recordingManyAtOnceKeepsOneMailPerKeyAndRendersOnlyTheNewOnes() {
    ZonedDateTime due = ZonedDateTime.parse("2026-03-15T23:59:59+01:00[Europe/Stockholm]");
    java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
    // more than one insert statement's worth of rows, one of them twice in the list
    List<Outbox.Planned> first = new java.util.ArrayList<>();
    for (int i = 0; i < Outbox.ROWS_PER_INSERT + 7; i++) {
      first.add(planned("task-" + i, due, i % 3 == 0 ? null : "u" + i + "@example.org", rendered));
    }
    first.add(planned("task-0", due, null, rendered));
    List<Long> sendable = outbox.recordAll(first);

    int rows = Outbox.ROWS_PER_INSERT + 7;
    int withoutAddress = (rows + 2) / 3;
    assertThat(jdbc.sql("select count(*) from mail_outbox where tenant_id = :t").param("t", kb.tenantId())
        .query(Integer.class).single()).isEqualTo(rows);
    assertThat(sendable).as("only mails with an address are sent").hasSize(rows - withoutAddress).doesNotHaveDuplicates();
    assertThat(jdbc.sql("select count(*) from mail_outbox where tenant_id = :t and status = 'NO_ADDRESS' "
        + "and last_error like 'Användaren % har ingen e-postadress'").param("t", kb.tenantId()).query(Integer.class)
        .single()).isEqualTo(withoutAddress);
    assertThat(rendered.get()).isEqualTo(rows);

    // the same again, and one new: only the new one is rendered, recorded and returned
    List<Outbox.Planned> again = new java.util.ArrayList<>(first);
    again.add(planned("task-new", due, "new@example.org", rendered));
    List<Long> second = outbox.recordAll(again);
    assertThat(second).hasSize(1).doesNotContainAnyElementsOf(sendable);
    assertThat(rendered.get()).isEqualTo(rows + 1);
    assertThat(jdbc.sql("select subject from mail_outbox where id = :id").param("id", second.get(0))
        .query(String.class).single()).isEqualTo("Påminnelse om task-new");
  }

  @Test
  void aSweepsMailsAreHandledTwoThousandPerJobAndAMailMarkedBeforeIsLeftAsItIs() {
    ZonedDateTime due = ZonedDateTime.parse("2026-03-15T23:59:59+01:00[Europe/Stockholm]");
    java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
    List<Outbox.Planned> mails = new java.util.ArrayList<>();
    for (int i = 0; i < 2_100; i++) {
      mails.add(planned("many-" + i, due, "u" + i + "@example.org", rendered));
    }
    List<Long> ids = outbox.recordAll(mails);
    assertThat(ids).hasSize(2_100);
    // one of them was delivered already (a job of an earlier sweep that held it too)
    jdbc.sql("update mail_outbox set status = 'SENT', attempts = 1 where id = :id").param("id", ids.get(5)).update();

    // the sweep from its delivery on, with these mails: the ids of a batch are far more than 4,000 characters.
    // Their tasks do not exist (no task was ever created with these ids), so delivery cancels them.
    ProcessInstance sweep = engine.getRuntimeService().createProcessInstanceByKey("reminderSweep")
        .setVariable("mailIds", org.camunda.spin.plugin.variable.SpinValues.jsonValue(ids.toString()).create())
        .startBeforeActivity("Task_SendMail#multiInstanceBody").execute();
    assertThat(sweeps.runJobs(sweep.getId())).isEmpty();

    assertThat(jdbc.sql("select status, count(*) from mail_outbox where tenant_id = :t group by status")
        .param("t", kb.tenantId()).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
        .containsExactlyInAnyOrder("CANCELLED=2099", "SENT=1");
    assertThat(outbox.find(ids.get(5)).orElseThrow()).as("the mail marked before is left as it was")
        .extracting(Outbox.Mail::status, Outbox.Mail::attempts, Outbox.Mail::lastError)
        .containsExactly(Outbox.Status.SENT, 1, null);
    assertThat(outbox.find(ids.get(6)).orElseThrow().lastError()).isEqualTo("Uppgiften är redan klar eller borttagen");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(sweep.getId())
        .variableName("mailId").list()).as("one delivery job per 2,000 mails").hasSize(2)
        .anySatisfy(batch -> assertThat(String.valueOf(batch.getValue())).hasSizeGreaterThan(4_000));
  }

  private Outbox.Planned planned(String taskId, ZonedDateTime due, String email,
      java.util.concurrent.atomic.AtomicInteger rendered) {
    String user = email == null ? "utan.adress." + taskId : email.substring(0, email.indexOf('@'));
    TaskFacts task = new TaskFacts(taskId + "-" + kb.tenantId(), "Uppgift " + taskId, kb.tenantId(), "Outboxby kommun",
        due, null, List.of(Role.POLICE_COORDINATOR.groupId()), null);
    return new Outbox.Planned(task, MailKind.reminder(7), new Recipient(user, user, email), () -> {
      rendered.incrementAndGet();
      return new MailContent.Rendered("Påminnelse om " + taskId, "Text", "<p>Text</p>");
    });
  }
}
