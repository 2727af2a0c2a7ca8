package se.tryggsamverkan;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.STEERING_COMMENTS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.support.Http;

/**
 * What a newcomer gets from `mvn spring-boot:run`, on whatever day they run it: the embedded H2 file database, the
 * demo municipalities and users, an administrator, and the same shape of work on every day of the year. Each case
 * starts the whole default configuration (only the database's place is changed) with the clock pinned to one day
 * ({@code trygg.demo.today}), the edges of the year among them, and checks the demo's promises in the README.
 */
@ExtendWith(OutputCaptureExtension.class)
class DefaultProfileTest {

  /** Every demo user who does work, with their municipality; managers only read. */
  private static final Map<String, String> WORKERS = Map.ofEntries(
      Map.entry("kungsbacka.polis", "kungsbacka"), Map.entry("kungsbacka.samordnare", "kungsbacka"),
      Map.entry("kungsbacka.lpo", "kungsbacka"), Map.entry("kungsbacka.kd", "kungsbacka"),
      Map.entry("kungsbacka.aktivitet", "kungsbacka"), Map.entry("kavlinge.polis", "kavlinge"),
      Map.entry("kavlinge.samordnare", "kavlinge"), Map.entry("kavlinge.lpo", "kavlinge"),
      Map.entry("kavlinge.kso", "kavlinge"), Map.entry("kavlinge.aktivitet", "kavlinge"));

  @TempDir Path dataDir;
  private ConfigurableApplicationContext app;

  /**
   * Nine days at the edges of the year and of its halves. With {@code -Ddemo.days=edges} only the first and last
   * day of a year and a leap day: the second CI stage (its machine clock moved half a year) runs those, since every
   * day here is pinned and the first stage has already run all nine on another real date.
   */
  static Stream<String> days() {
    if ("edges".equals(System.getProperty("demo.days"))) {
      return Stream.of("2027-01-01T08:00", "2027-12-31T23:30", "2028-02-29T10:00");
    }
    return Stream.of("2027-01-01T08:00", "2027-01-02T10:00", "2027-03-31T10:00", "2027-06-30T10:00",
        "2027-07-01T10:00", "2026-11-27T10:00", "2027-12-15T10:00", "2027-12-31T23:30", "2028-02-29T10:00");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "the demo created on {0}")
  @MethodSource("days")
  void theDemoHasTheSameShapeOnAnyDay(String day, CapturedOutput output) throws Exception {
    app = start(day);
    LocalDate today = LocalDateTime.parse(day).toLocalDate();
    int y = today.getYear();
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    assertThat(app.getBean(EngineClock.class).today()).isEqualTo(today);

    // the default profile: H2, the administrator, the retention settings
    try (var connection = engine.getProcessEngineConfiguration().getDataSource().getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
    assertThat(engine.getIdentityService().checkPassword("kungsbacka.polis", "demo")).isTrue();
    assertThat(engine.getIdentityService().checkPassword("admin", "admin")).isTrue();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKeysIn("collaborationAgreement", "yearlyCycle").list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(1825));
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");

    // the agreement in force ends this year and the renewed one follows, each as long as the municipality's real
    // ones: two years in Kungsbacka, four in Kävlinge
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("collaborationAgreement")
        .list()).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(
            "kungsbacka-" + (y - 1) + "-" + y, "kungsbacka-" + (y + 1) + "-" + (y + 2),
            "kavlinge-" + (y - 3) + "-" + y, "kavlinge-" + (y + 1) + "-" + (y + 4));

    // every demo user who works has work in their own municipality
    for (var worker : WORKERS.entrySet()) {
      assertThat(engine.getTaskService().createTaskQuery().tenantIdIn(worker.getValue()).or()
          .taskCandidateUser(worker.getKey()).taskAssignee(worker.getKey()).endOr().count())
          .as("open work for %s on %s", worker.getKey(), day).isPositive();
    }
    Task picture = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("kungsbacka-" + (y + 1) + "-"
        + (y + 2) + "-" + (y + 1)).taskDefinitionKey("Task_PoliceSituationPicture").singleResult();
    assertThat(picture).as("Kungsbacka's police situation picture for next year").isNotNull();
    assertThat(picture.getDueDate()).as("moved five days ahead").isEqualTo(endOf(app, today.plusDays(5)));
    if (today.getMonthValue() >= 2) {
      assertThat(engine.getTaskService().createTaskQuery().taskAssignee("kungsbacka.polis")
          .taskDefinitionKey("Task_FollowUpActivity").list()).as("the traffic controls' latest monthly follow-up")
          .anySatisfy(t -> assertThat((String) engine.getFormService().getTaskFormVariables(t.getId())
              .get("activityDescription"))
              .startsWith("Trafikkontroller"));
    }

    // Kungsbacka: something overdue, one activity Försenad with its mail
    Date now = ClockUtil.getCurrentTime();
    assertThat(engine.getTaskService().createTaskQuery().tenantIdIn("kungsbacka").dueBefore(now).count())
        .as("overdue in Kungsbacka").isPositive();
    List<Map<String, Object>> late = jdbc.sql("select a.description, a.end_date, r.reported_on from activity_report r "
        + "join activity a on a.id = r.activity_id where r.automatic").query().listOfRows();
    assertThat(late).as("only Kungsbacka's parents' lecture is late").singleElement().satisfies(row -> {
      assertThat(row.get("DESCRIPTION")).isEqualTo("Föräldraföreläsning om narkotika genom Föräldrar Emellan");
      assertThat(((java.sql.Date) row.get("END_DATE")).toLocalDate()).isEqualTo(today.minusDays(20));
      assertThat(((java.sql.Date) row.get("REPORTED_ON")).toLocalDate()).isEqualTo(today.minusDays(19));
    });
    assertThat(jdbc.sql("select recipient from mail_outbox where kind = 'ACTIVITY_DELAYED'").query(String.class)
        .list()).containsExactlyInAnyOrder("kungsbacka.aktivitet", "kungsbacka.polis", "kungsbacka.samordnare");

    // Kävlinge: next year's plan waits at the steering group after one return
    String kavlingeNext = "kavlinge-" + (y + 1) + "-" + (y + 4) + "-" + (y + 1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(kavlingeNext).list())
        .extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder("Task_PoliceSteeringDecision", "Task_MunicipalSteeringDecision");
    assertThat(STEERING_COMMENTS.of(engine.getRuntimeService().getVariable(engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceBusinessKey(kavlingeNext).singleResult().getId(),
        STEERING_COMMENTS.name()))).contains("Omgång 1", "återremitterar");

    // final yearly reports: Kävlinge's for the years before last; Kungsbacka's for last year once it has gone to
    // the board (due 28 February), and until then last year's cycle is still its coordinators' and owners' work
    assertThat(finalReports(jdbc, "kavlinge")).as("final reports of Kävlinge").contains(y - 3, y - 2);
    String lastYearsCycle = "kungsbacka-" + (y - 1) + "-" + y + "-" + (y - 1);
    if (today.isAfter(LocalDate.of(y, 2, 28))) {
      assertThat(finalReports(jdbc, "kungsbacka")).as("final reports of Kungsbacka").contains(y - 1);
    } else {
      assertThat(finalReports(jdbc, "kungsbacka").contains(y - 1) || engine.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(lastYearsCycle).count() > 0)
          .as("Kungsbacka's report on %s: presented, or its cycle still open", y - 1).isTrue();
    }

    // nothing the demo did lies after today
    Instant latest = Instant.ofEpochMilli(now.getTime()).plusSeconds(60);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().finished().finishedAfter(Date.from(latest))
        .count()).as("tasks completed in the future").isZero();
    assertThat(jdbc.sql("select max(recorded_at) from activity_report").query(Timestamp.class).single().toInstant())
        .isBefore(latest);

    // the first reminder sweep: a reminder, an escalation to both coordinators and today's chair
    String chair = today.getMonthValue() <= 6 ? "kungsbacka.kd" : "kungsbacka.lpo";
    String notChair = today.getMonthValue() <= 6 ? "kungsbacka.lpo" : "kungsbacka.kd";
    List<String> escalated = List.of();
    for (int i = 0; i < 120 && !(escalated.containsAll(List.of("kungsbacka.polis", "kungsbacka.samordnare", chair))
        && sent(jdbc, "REMINDER_7") && sent(jdbc, "REMINDER_1") && !unsent(jdbc, "ACTIVITY_DELAYED")); i++) {
      Thread.sleep(500);
      escalated = jdbc.sql("select distinct recipient from mail_outbox where tenant_id = 'kungsbacka' and kind = "
          + "'ESCALATION_1' and status = 'SENT'").query(String.class).list();
    }
    assertThat(escalated).as("escalated on %s", day)
        .contains("kungsbacka.polis", "kungsbacka.samordnare", chair).doesNotContain(notChair);
    assertThat(sent(jdbc, "REMINDER_7")).as("a week's reminder of Kungsbacka's situation picture").isTrue();
    assertThat(sent(jdbc, "REMINDER_1")).as("a day's reminder of Kävlinge's half-year follow-up").isTrue();
    assertThat(unsent(jdbc, "ACTIVITY_DELAYED")).as("the Försenad notice is delivered by the sweep").isFalse();
    // summonses: the steering group's meetings, and the council's (on the 2nd) once it is two weeks away or less
    List<String> summonses = jdbc.sql("select distinct kind from mail_outbox where kind like 'INVITATION_%'")
        .query(String.class).list();
    assertThat(summonses).contains("INVITATION_STEERING_MEETING");
    LocalDate council = today.getDayOfMonth() <= 2 ? today.withDayOfMonth(2) : today.plusMonths(1).withDayOfMonth(2);
    if (!council.isAfter(today.plusDays(14))) {
      assertThat(summonses).as("the council meets on %s", council).contains("INVITATION_COUNCIL_MEETING");
    }

    assertThat(output).contains("Demo data created for " + today)
        .contains("Ready: Tasklist at http://localhost:").contains("kungsbacka.polis / demo");
  }

  private static List<Integer> finalReports(JdbcClient jdbc, String tenant) {
    return jdbc.sql("select r.cycle_year from yearly_report r join agreement a on a.id = r.agreement_id "
        + "where r.final and a.tenant_id = :t").param("t", tenant).query(Integer.class).list();
  }

  @Test
  void aRestartKeepsTheDemoAndSaysWhereToLogIn(CapturedOutput output) {
    // a browser and a program that ask from the moment the web server listens: while the demo is laid out, both
    // are asked to wait; the browser's page reloads itself
    List<HttpResponse<String>> whileStarting = new CopyOnWriteArrayList<>();
    AtomicBoolean ready = new AtomicBoolean();
    AtomicInteger port = new AtomicInteger();
    app = new SpringApplicationBuilder(TryggSamverkanApplication.class).listeners(event -> {
      if (event instanceof ServletWebServerInitializedEvent listening) {
        port.set(listening.getWebServer().getPort());
        Thread asking = new Thread(() -> {
          while (!ready.get()) {
            whileStarting.add(ask(port.get(), "application/json"));
            whileStarting.add(ask(port.get(), "text/html,application/xhtml+xml"));
            pause(100);
          }
        }, "asking-while-starting");
        asking.setDaemon(true);
        asking.start();
      }
    }).run(arguments("2026-11-27T10:00"));
    ready.set(true);
    assertThat(whileStarting).as("a program asked to wait while the demo was laid out").anySatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
      assertThat(answer.body()).startsWith("Demodata läggs upp (första starten). Försök igen om en stund");
    });
    assertThat(whileStarting).as("a browser shown a page that reloads itself").anySatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
      assertThat(answer.body()).contains("<html lang=\"sv\">", "<meta http-equiv=\"refresh\" content=\"10\"/>",
          "<h1>Demodata läggs upp</h1>");
    });
    assertThat(ask(port.get(), "text/html").statusCode()).as("once ready").isEqualTo(302);
    assertThat(new Http(port.get()).get("/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
    long instances = app.getBean(ProcessEngine.class).getHistoryService().createHistoricProcessInstanceQuery().count();
    app.close();
    ClockUtil.reset();

    app = start("2026-11-27T10:00");

    assertThat(app.getBean(ProcessEngine.class).getHistoryService().createHistoricProcessInstanceQuery().count())
        .as("nothing created again").isGreaterThanOrEqualTo(instances);
    assertThat(app.getBean(ProcessEngine.class).getIdentityService().createTenantQuery().count()).isEqualTo(2);
    String afterRestart = output.getOut().substring(output.getOut().lastIndexOf("Started "));
    assertThat(afterRestart).contains("Demo data is already there (laid out on 2026-11-27")
        .contains("Ready: Tasklist at http://localhost:").contains("kungsbacka.polis / demo");
    // the upgrade step ran after Flyway had brought the tables up to date, and found the same release running
    String restart = output.getOut().substring(output.getOut().lastIndexOf("Current version of schema"));
    assertThat(restart).as("Flyway first, then the upgrade step")
        .contains("Process upgrade: 0 instances moved to the newest version").contains(", 0 refused");
    assertThat(app.getBean(ProcessEngine.class).getManagementService().getProperties())
        .as("a finished lay-out leaves no mark").doesNotContainKey("trygg.demo.layingOut");

    // a first start stopped while the demo was laid out (Ctrl-C, a crash) leaves the mark the lay-out sets first:
    // the next start says the demo is incomplete and how to lay it out anew, instead of "already there"
    app.getBean(ProcessEngine.class).getManagementService().setProperty("trygg.demo.layingOut", "2026-11-27");
    app.close();
    ClockUtil.reset();
    app = start("2026-11-27T10:00");
    String afterInterrupted = output.getOut().substring(output.getOut().lastIndexOf("Started "));
    assertThat(afterInterrupted).contains("The demo's lay-out that began on 2026-11-27 did not finish")
        .contains("delete the database (./data/ by default)").doesNotContain("Demo data is already there");
  }

  @Test
  void aDemoDayThatIsNoDateIsRefusedWithTheSettingsName() {
    var start = new SpringApplicationBuilder(TryggSamverkanApplication.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> start.run(arguments("31/3"))).hasStackTraceContaining(
        "trygg.demo.today (DEMO_TODAY) must be a date such as 2027-03-31");
  }

  /** Tasklist's address, asked for as {@code accept} says. */
  private static HttpResponse<String> ask(int port, String accept) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/camunda/app/tasklist/")).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ConfigurableApplicationContext start(String day) {
    return new SpringApplicationBuilder(TryggSamverkanApplication.class).run(arguments(day));
  }

  /** As on the command line, so that they win over application.yaml's defaults, as an operator's would. */
  private String[] arguments(String day) {
    return new String[] {"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("trygg-samverkan")
        + ";DB_CLOSE_ON_EXIT=FALSE", "--server.port=0", "--trygg.demo.today=" + day};
  }

  private static Date endOf(ConfigurableApplicationContext app, LocalDate day) {
    return app.getBean(EngineClock.class).endOfDay(day);
  }

  private static boolean unsent(JdbcClient jdbc, String kind) {
    return jdbc.sql("select count(*) from mail_outbox where kind = :k and status in ('PENDING', 'FAILED')")
        .param("k", kind).query(Integer.class).single() > 0;
  }

  private static boolean sent(JdbcClient jdbc, String kind) {
    return jdbc.sql("select count(*) from mail_outbox where kind = :k and status = 'SENT'").param("k", kind)
        .query(Integer.class).single() > 0;
  }
}
