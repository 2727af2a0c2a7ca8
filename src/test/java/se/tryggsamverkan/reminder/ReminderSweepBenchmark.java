package se.tryggsamverkan.reminder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.SqlCounter;
import se.tryggsamverkan.support.SweepDriver;

/**
 * Not a test: times one reminder sweep over many open tasks in PostgreSQL, 1,000 of them in the reminder window
 * (three mails each), and counts its SQL statements and round trips per mail (datasource-proxy).
 * Run: {@code mvn test -Dtest=ReminderSweepBenchmark -Dbenchmark.sizes=10000,100000}; about 7,000 mails, as 290
 * municipalities give: {@code -Dbenchmark.sizes=10000 -Dbenchmark.inWindow=2330}. Each size is swept
 * {@code -Dbenchmark.rounds} times (3) after one warm-up, the outbox emptied before each. Prints a table, and the
 * statements that took the most database time in the last round (datasource-proxy's elapsed time per execution).
 */
@PostgresProcessTest
@Import(SqlCounter.Config.class)
class ReminderSweepBenchmark {

  private static final int IN_WINDOW = Integer.getInteger("benchmark.inWindow", 1000);
  private static final int GROUP_MEMBERS = 3;
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  @Test
  void timeOneSweep() {
    List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.sizes", "10000,100000").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    Clock.setTo("2026-03-08T08:00");
    setUpMunicipality();
    List<String> rows = new ArrayList<>();
    rows.add(String.format("%12s %10s %8s %6s %14s %14s %16s %16s", "open tasks", "in window", "mails", "round",
        "planning (ms)",
        "delivery (ms)", "statements/mail", "round trips/mail"));
    int created = 0;
    try {
      for (int size : sizes) {
        created += createTasks(size - created, created == 0);
        if (size == sizes.get(0)) {
          // warm-up: the first sweep in a fresh JVM pays for class loading and JIT compilation
          jdbc.sql("delete from mail_outbox").update();
          new SweepDriver(engine).runJobs(engine.getRuntimeService().startProcessInstanceByKey("reminderSweep").getId());
        }
        for (int round = 1; round <= ROUNDS; round++) {
          jdbc.sql("delete from mail_outbox").update();
          // the deleted rows cleared now, not by an autovacuum that competes with the round for the two cores
          // (vacuum without analyze: the new mails stay unknown to the statistics, as after a real sweep)
          jdbc.sql("vacuum mail_outbox").update();
          SqlCounter.reset();
          long start = System.nanoTime();
          var sweep = engine.getRuntimeService().startProcessInstanceByKey("reminderSweep");
          long planned = System.nanoTime();
          new SweepDriver(engine).runJobs(sweep.getId());
          long delivered = System.nanoTime();
          SqlCounter.Counts counts = SqlCounter.counts();
          List<String> slowest = SqlCounter.slowest(6);
          int mails = jdbc.sql("select count(*) from mail_outbox").query(Integer.class).single();
          rows.add(String.format("%12d %10d %8d %6d %14d %14d %16.2f %16.2f", size, IN_WINDOW, mails, round,
              Duration.ofNanos(planned - start).toMillis(), Duration.ofNanos(delivered - planned).toMillis(),
              (double) counts.statements() / mails, (double) counts.roundTrips() / mails));
          if (round == ROUNDS) {
            rows.add("  where the database time of the last round went:");
            slowest.forEach(line -> rows.add("    " + line));
          }
        }
      }
    } finally {
      Clock.reset();
    }
    System.out.println("\nReminder sweep benchmark (embedded PostgreSQL, " + GROUP_MEMBERS
        + " group members per task):\n" + String.join("\n", rows) + "\n");
  }

  private void setUpMunicipality() {
    Tenant tenant = identity.newTenant("bench");
    tenant.setName("Benchmark");
    identity.saveTenant(tenant);
    for (int i = 0; i < GROUP_MEMBERS; i++) {
      User user = identity.newUser("bench.police" + i);
      user.setEmail(user.getId() + "@example.org");
      identity.saveUser(user);
      identity.createMembership(user.getId(), "police-coordinator");
      identity.createTenantUserMembership("bench", user.getId());
    }
  }

  /** Standalone tasks in batches of 1,000 per transaction; the first 1,000 are due within the week. */
  private int createTasks(int count, boolean includeWindow) {
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    var tasks = engine.getTaskService();
    for (int batch = 0; batch < count; batch += 1000) {
      int from = batch;
      int to = Math.min(count, batch + 1000);
      commands.execute(context -> {
        for (int i = from; i < to; i++) {
          Task task = tasks.newTask();
          task.setName("Uppgift " + i);
          task.setTenantId("bench");
          boolean soon = includeWindow && i < IN_WINDOW;
          task.setDueDate(Date.from(Clock.endOf(soon ? "2026-03-11" : "2026-10-01").toInstant()));
          tasks.saveTask(task);
          tasks.addCandidateGroup(task.getId(), "police-coordinator");
        }
        return null;
      });
    }
    return count;
  }
}
