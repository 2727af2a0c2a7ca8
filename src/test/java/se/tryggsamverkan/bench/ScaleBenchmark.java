package se.tryggsamverkan.bench;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.SweepDriver;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Not a test: the product at national scale. Seeds embedded PostgreSQL with N municipalities (default 290), each
 * with an agreement 2024–2027, and lives through the years up to 22 November 2026 through the engine API: every
 * task completed as its users would, every follow-up and timer on its day, the yearly reports rendered. Then times
 * what people wait for: the managers' overview, a coordinator's Tasklist query, one reminder sweep. Prints a
 * table and writes target/benchmark/scale.json.
 * Run: {@code mvn test -Dtest=ScaleBenchmark -Dbenchmark.municipalities=290}; with {@code -Dbenchmark.years=10}
 * each municipality has three agreements in a row from 2017, ten years of cycles. With {@code -Dbenchmark.sql=true}
 * it also counts the SQL of each timed request (datasource-proxy) and prints the statements that took the most time.
 */
@PostgresProcessTest
class ScaleBenchmark {

  /** The statement counter, only when asked for: it wraps the DataSource for the whole run, seeding included. */
  @org.springframework.boot.test.context.TestConfiguration
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("benchmark.sql")
  @org.springframework.context.annotation.Import(se.tryggsamverkan.support.SqlCounter.Config.class)
  static class CountSql {
  }

  static final LocalDateTime TODAY = LocalDateTime.parse("2026-11-22T09:00");
  static final int SAMPLES = 60;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  TaskService tasks;
  final Map<String, Object> results = new java.util.LinkedHashMap<>();
  final List<String> table = new ArrayList<>();

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void nationalScale() throws Exception {
    int n = Integer.getInteger("benchmark.municipalities", 290);
    // 4: one agreement 2024–2027; 10: three in a row, 2017–2020, 2021–2024 and 2025–2028, ten years of cycles
    // (2017–2026) by the benchmark's day
    int years = Integer.getInteger("benchmark.years", 4);
    List<Integer> agreementStarts = years > 4 ? List.of(2017, 2021, 2025) : List.of(2024);
    tasks = engine.getTaskService();
    Clock.setTo((agreementStarts.get(0) - 1) + "-01-02T08:00");
    List<TestMunicipality> municipalities = new ArrayList<>();
    String region = "bench.region";
    User manager = identity.newUser(region);
    manager.setPassword("test");
    identity.saveUser(manager);
    identity.createMembership(region, Role.MANAGER.groupId());
    long seedStart = System.nanoTime();
    for (int i = 0; i < n; i++) {
      TestMunicipality m = TestMunicipality.create(identity, "Kommun " + (i + 1));
      identity.createTenantUserMembership(m.tenantId(), region);
      for (int start : agreementStarts) {
        new CycleDriver(engine, m).startAgreement("bench-" + start + "-" + m.tenantId(), m.agreementStart(
            start + "-01-01", (start + 3) + "-12-31", i % 2 == 0 ? "MUNICIPALITY" : "POLICE"));
      }
      municipalities.add(m);
    }
    Map<String, TestMunicipality> byTenant = new HashMap<>();
    municipalities.forEach(m -> byTenant.put(m.tenantId(), m));
    int[] completed = {0};
    Date today = Date.from(TODAY.atZone(Clock.SWEDEN).toInstant());
    // live through the years: always the earliest thing that happens next, a timer or a person doing a task
    while (true) {
      Job job = engine.getManagementService().createJobQuery().timers().processDefinitionKey(KEY)
          .orderByJobDuedate().asc().listPage(0, 1).stream().findFirst().orElse(null);
      Date jobDue = job == null || job.getDuedate().after(today) ? null : job.getDuedate();
      Task task = workable(today);
      Date taskAt = task == null ? null : doneAt(task);
      if (jobDue == null && taskAt == null) {
        break;
      }
      if (taskAt == null || jobDue != null && !jobDue.after(taskAt)) {
        moveTo(jobDue);
        for (Job due : engine.getManagementService().createJobQuery().timers().processDefinitionKey(KEY)
            .executable().list()) {
          engine.getManagementService().executeJob(due.getId());
        }
      } else {
        moveTo(taskAt);
        for (Task t : tasks.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(task.getTaskDefinitionKey())
            .list()) {
          if (!doneAt(t).after(taskAt)) {
            tasks.complete(t.getId(), answers(t, byTenant.get(t.getTenantId())));
            completed[0]++;
          }
        }
      }
    }
    double seedMinutes = Duration.ofNanos(System.nanoTime() - seedStart).toMillis() / 60000.0;
    long cyclesEnded = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .finished().count();
    ClockUtil.setCurrentTime(today);
    results.put("municipalities", n);
    results.put("cyclesEnded", cyclesEnded);
    results.put("cyclesRunning", engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .count());
    results.put("tasksCompleted", completed[0]);
    results.put("openTasks", tasks.createTaskQuery().count());
    results.put("seedMinutes", round(seedMinutes));
    results.put("cyclesPerMinute", round(cyclesEnded / seedMinutes));
    results.put("taskCompletionsPerSecond", round(completed[0] / (seedMinutes * 60)));
    results.put("yearlyReports", jdbc.sql("select count(*) from yearly_report").query(Integer.class).single());

    Http http = new Http(port);
    TestMunicipality first = municipalities.get(0);
    time("GET /api/overview (manager of all " + n + ")", "overview", () -> http.get("/api/overview", region, "test"));
    time("GET /api/tenants/{t}/overview?year=2026", "municipalityOverview",
        () -> http.get("/api/tenants/" + first.tenantId() + "/overview?year=2026", region, "test"));
    String filter = engine.getFilterService().createFilterQuery().filterName("Min grupps uppgifter").singleResult()
        .getId();
    time("Tasklist: coordinator's group filter", "tasklistQuery", () -> http.post("/engine-rest/filter/" + filter
        + "/list?firstResult=0&maxResults=15", first.user(Role.MUNICIPAL_COORDINATOR), "test", "{}"));
    long sweepStart = System.nanoTime();
    var sweep = engine.getRuntimeService().startProcessInstanceByKey("reminderSweep");
    new SweepDriver(engine).runJobs(sweep.getId());
    long sweepMs = Duration.ofNanos(System.nanoTime() - sweepStart).toMillis();
    results.put("reminderSweepMs", sweepMs);
    results.put("mailsInOutbox", jdbc.sql("select count(*) from mail_outbox").query(Integer.class).single());

    pgbench();

    table.add(0, String.format("%-45s %10s %10s", "request (" + SAMPLES + " samples after 10 warm-up)", "p50 ms",
        "p95 ms"));
    String report = "\nScale benchmark, " + n + " municipalities, agreements from " + agreementStarts
        + " (embedded PostgreSQL):\n"
        + String.format("  seeding: %.1f min, %d cycles ended, %s cycles/min, %d task completions (%s/s), %s reports%n",
            seedMinutes, cyclesEnded, results.get("cyclesPerMinute"), completed[0],
            results.get("taskCompletionsPerSecond"), results.get("yearlyReports"))
        + String.format("  open tasks on %s: %s; reminder sweep: %d ms, %s mails in the outbox%n", TODAY.toLocalDate(),
            results.get("openTasks"), sweepMs, results.get("mailsInOutbox"))
        + String.format("  pgbench on the same PostgreSQL (ceiling): %s TPS%n", results.get("pgbenchTps"))
        + "  " + String.join("\n  ", table) + "\n";
    System.out.println(report);
    Path out = Path.of("target", "benchmark");
    Files.createDirectories(out);
    ObjectNode json = new ObjectMapper().valueToTree(results);
    Files.writeString(out.resolve("scale.json"), json.toPrettyString());
  }

  /** pgbench's TPS on the same database: what PostgreSQL itself does on this machine, as the ceiling. */
  private void pgbench() {
    String url = jdbc.sql("select 'localhost:' || inet_server_port()").query(String.class).single();
    String port = url.substring(url.indexOf(':') + 1);
    try {
      run("pgbench", "-i", "-q", "-s", "10", "-h", "localhost", "-p", port, "-U", "postgres", "postgres");
      String out = run("pgbench", "-c", "4", "-j", "2", "-T", "20", "-h", "localhost", "-p", port, "-U", "postgres",
          "postgres");
      var m = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(out);
      results.put("pgbenchTps", m.find() ? Math.round(Double.parseDouble(m.group(1))) : "no result: " + out);
    } catch (Exception e) {
      results.put("pgbenchTps", "not run: " + e.getMessage());
    }
  }

  private static String run(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", "postgres");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  private void time(String label, String key, Supplier<java.net.http.HttpResponse<String>> call) {
    for (int i = 0; i < 10; i++) {
      check(call.get(), label);
    }
    List<Long> micros = new ArrayList<>();
    se.tryggsamverkan.support.SqlCounter.reset();
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      check(call.get(), label);
      micros.add((System.nanoTime() - start) / 1000);
    }
    micros.sort(Comparator.naturalOrder());
    double p50 = micros.get(micros.size() / 2) / 1000.0;
    double p95 = micros.get((int) Math.ceil(micros.size() * 0.95) - 1) / 1000.0;
    results.put(key + "P50Ms", round(p50));
    results.put(key + "P95Ms", round(p95));
    table.add(String.format("%-45s %10.1f %10.1f", label, p50, p95));
    var counts = se.tryggsamverkan.support.SqlCounter.counts();
    if (counts.executions() > 0) {
      table.add(String.format("  per request: %.1f statements, %.1f round trips; the most database time over all %d:",
          (double) counts.statements() / SAMPLES, (double) counts.roundTrips() / SAMPLES, SAMPLES));
      se.tryggsamverkan.support.SqlCounter.slowest(8).forEach(line -> table.add("    " + line));
    }
  }

  private static void check(java.net.http.HttpResponse<String> response, String label) {
    if (response.statusCode() != 200) {
      throw new AssertionError(label + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private void moveTo(Date when) {
    if (when.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(when);
    }
  }

  /** The open task done soonest, unless nobody would have done it by today. */
  private Task workable(Date today) {
    // nobody proposes a change to the plan in this benchmark: that task stays open all year
    return tasks.createTaskQuery().processDefinitionKey(KEY).list().stream()
        .filter(t -> !TASK_PROPOSE_PLAN_CHANGE.equals(t.getTaskDefinitionKey()))
        .filter(t -> !doneAt(t).after(today)).min(Comparator.comparing(this::doneAt)).orElse(null);
  }

  /** Follow-ups are reported on their day; everything else five days before it is due (at once if later). */
  private Date doneAt(Task task) {
    if (TASK_FOLLOW_UP_ACTIVITY.equals(task.getTaskDefinitionKey()) || task.getDueDate() == null) {
      return task.getCreateTime();
    }
    Date fiveDaysBefore = new Date(task.getDueDate().getTime() - Duration.ofDays(5).toMillis());
    return fiveDaysBefore.before(task.getCreateTime()) ? task.getCreateTime() : fiveDaysBefore;
  }

  private Map<String, Object> answers(Task task, TestMunicipality m) {
    int year = ((Number) tasks.getVariable(task.getId(), CYCLE_YEAR.name())).intValue();
    Map<String, Object> v = new HashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case TASK_POLICE_SITUATION_PICTURE, TASK_MUNICIPAL_SITUATION_PICTURE -> {
        v.put(SITUATION_PICTURE.name(), "Trafikbrott och otrygghet vid resecentrum");
        v.put(SITUATION_ENTRIES.name(), CycleDriver.json("[{\"source\":\"CRIME_STATISTICS\",\"description\":"
            + "\"Anmälda brott\",\"figure\":" + (400 + year % 7) + ",\"unit\":\"anmälda brott\"}]"));
      }
      case TASK_MERGE_AND_PRIORITISE -> {
        v.put(JOINT_SITUATION_PICTURE.name(), "Gemensam lägesbild");
        v.put(FOCUS_AREAS.name(), CycleDriver.json("[{\"name\":\"Trygghet i trafik\"}]"));
        v.put(PRIORITISED_PROBLEMS.name(), CycleDriver.json("[{\"title\":\"Buskörning\",\"focusArea\":"
            + "\"Trygghet i trafik\"}]"));
      }
      case TASK_CAUSE_ANALYSIS -> v.put(CAUSES.name(), "Låg vuxennärvaro");
      case TASK_ACTION_PLAN -> {
        v.put(ACTIVITIES.name(), CycleDriver.json("[" + activity("Trafikkontroller", m.user(Role.POLICE_COORDINATOR),
            year + "-01-01", year + "-12-31", "QUARTERLY") + "," + activity("Nattvandring",
            m.user(Role.ACTIVITY_OWNER), year + "-01-01", year + "-06-30", "MONTHLY") + "]"));
        v.put(PROMISES.name(), CycleDriver.json("[{\"text\":\"Trafikkontroller\",\"party\":\"POLICE\",\"target\":"
            + "\"minst 1 per månad\"},{\"text\":\"Föräldraföreläsning\",\"party\":\"BOTH\",\"target\":"
            + "\"minst 1 per år\"}]"));
      }
      case TASK_PREPARE_STEERING_GROUP -> {
        v.put(STEERING_MEETING_DATE.name(), (year - 1) + "-12-10");
        v.put(STEERING_MEETING_PLACE.name(), "Kommunhuset");
        v.put("preparationSummary", "Förslag till beslut");
      }
      case TASK_POLICE_STEERING_DECISION, TASK_MUNICIPAL_STEERING_DECISION -> v.put(DECISION.name(), "APPROVE");
      case TASK_SIGN_AND_PUBLISH -> {
        v.put("signedOn", (year - 1) + "-12-20");
        v.put("publishedAt", "Kommunens webbplats");
      }
      case TASK_SCHEDULE_FOLLOW_UP_MEETING -> {
        v.put(STEERING_MEETING_DATE.name(), year + "-06-10");
        v.put(STEERING_MEETING_PLACE.name(), "Kommunhuset");
      }
      case TASK_HALF_YEAR_FOLLOW_UP -> v.put(HALF_YEAR_CONCLUSIONS.name(), "Enligt plan");
      case TASK_FOLLOW_UP_ACTIVITY -> {
        LocalDate day = CycleDriver.followUpDay(task);
        boolean last = day.getMonthValue() == 12 && day.getDayOfMonth() == 31
            || day.getMonthValue() == 6 && day.getDayOfMonth() == 30;
        v.put(ACTIVITY_STATUS.name(), last ? "COMPLETED" : "ONGOING");
        v.put(STATUS_COMMENT.name(), last ? "Klart" : "Pågår");
        v.put(PROMISE_OCCURRENCES.name(), CycleDriver.json("[{\"promise\":\"1\",\"date\":\"" + day + "\"}"
            + (last ? ",{\"promise\":\"2\",\"date\":\"" + day + "\"}" : "") + "]"));
      }
      case TASK_YEARLY_FOLLOW_UP_REPORT -> {
        v.put(YEARLY_REPORT_SUMMARY.name(), "Året gick enligt plan");
        v.put(PRESENTED_TO_BOARD_ON.name(), (year + 1) + "-02-20");
        v.put(LESSONS_FOR_NEXT_YEAR.name(), "Fler nattvandrare");
      }
      default -> throw new IllegalStateException("No answers for " + task.getTaskDefinitionKey());
    }
    return v;
  }

  private static String activity(String description, String person, String start, String end, String interval) {
    return "{\"focusArea\":\"Trygghet i trafik\",\"description\":\"" + description + "\",\"expectedEffect\":"
        + "\"Tryggare\",\"responsibleParty\":\"BOTH\",\"responsiblePerson\":\"" + person + "\",\"startDate\":\""
        + start + "\",\"endDate\":\"" + end + "\",\"indicators\":\"Antal\",\"followUpInterval\":\"" + interval + "\"}";
  }
}
