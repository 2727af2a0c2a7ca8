package se.tryggsamverkan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.TryggSamverkanApplication;
import se.tryggsamverkan.support.Http;

/**
 * Not a test of the build: two application processes on one PostgreSQL under load, with faults injected on
 * loopback. Municipalities' cycles are driven through the engine's REST API on both nodes while reminder sweeps
 * run; then node A is killed with SIGKILL and restarted, PostgreSQL is restarted, and the SMTP server is down for
 * a while. Checks that no completion is lost, no reminder is sent twice, conflicts are retried and reported, and
 * both nodes recover. Prints a report and writes target/benchmark/cluster-faults.json.
 * Run: {@code mvn test -Dtest=ClusterFaultsRun -Dcluster.municipalities=100} (about fifteen minutes; with fewer
 * municipalities the load is over before the faults come).
 */
class ClusterFaultsRun {

  static final String ADMIN = "admin";
  static final String PASSWORD = "test";
  final ObjectMapper json = new ObjectMapper();
  final Map<String, Object> results = new LinkedHashMap<>();
  final Set<String> completed = ConcurrentHashMap.newKeySet();
  final AtomicInteger conflicts = new AtomicInteger();
  final AtomicInteger nodeDown = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final List<String> refusedMessages = Collections.synchronizedList(new ArrayList<>());
  /** Every mail the SMTP server received, across its restart. */
  final List<MimeMessage> received = new ArrayList<>();

  Path work;
  int pgPort;
  EmbeddedPostgres postgres;
  GreenMail smtp;
  int smtpPort;
  final Map<String, Process> nodes = new HashMap<>();
  final Map<String, Integer> ports = new HashMap<>();

  @Test
  void twoNodesUnderLoadSurviveFaults() throws Exception {
    int n = Integer.getInteger("cluster.municipalities", 100);
    work = Path.of("target", "cluster").toAbsolutePath();
    Files.createDirectories(work);
    pgPort = freePort();
    smtpPort = freePort();
    startPostgres(true);
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    try {
      startNode("A", true);
      startNode("B", false);
      seed(n);
      // SMTP down from the start of the load: the first sweeps plan reminders for every new situation picture
      smtp.stop();
      log("SMTP stopped");
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService load = Executors.newFixedThreadPool(5);
      for (int i = 0; i < 4; i++) {
        int worker = i;
        load.submit(() -> drive(worker, running));
      }
      load.submit(() -> sweepEvery(Duration.ofSeconds(5), running));
      Thread.sleep(12000);
      JsonNode mail = http("B").json("/actuator/health", null, null).path("components").path("mail");
      results.put("mailHealthWhileSmtpDown", mail.path("status").asText() + " " + mail.path("details"));
      results.put("mailsFailedWhileSmtpDown", query("select count(*) from mail_outbox where status = 'FAILED'"));
      smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      smtp.start();
      log("SMTP started again (the mails that failed meanwhile are retried by their jobs within 5 minutes)");

      waitForCompletions(n * 2, Duration.ofMinutes(3));
      int beforeKill = completed.size();
      Instant killed = Instant.now();
      nodes.get("A").destroyForcibly().waitFor();
      log("node A killed (SIGKILL) after " + beforeKill + " completions");
      waitForCompletions(beforeKill + n, Duration.ofMinutes(3));
      results.put("completionsWhileAWasDown", completed.size() - beforeKill);
      startNode("A", false);
      results.put("nodeARecoveredSeconds", Duration.between(killed, Instant.now()).toSeconds());

      int beforePg = completed.size();
      Instant pgDown = Instant.now();
      postgres.close();
      log("PostgreSQL stopped after " + beforePg + " completions");
      Thread.sleep(5000);
      startPostgres(false);
      log("PostgreSQL started again");
      waitForReadiness("A", Duration.ofMinutes(2));
      waitForReadiness("B", Duration.ofMinutes(2));
      results.put("postgresOutageSeconds", Duration.between(pgDown, Instant.now()).toSeconds());
      waitForCompletions(beforePg + n, Duration.ofMinutes(3));
      results.put("completionsAfterPostgresRestart", completed.size() - beforePg);

      waitForCompletions(Integer.MAX_VALUE, Duration.ofMinutes(2));
      running.set(false);
      load.shutdown();
      load.awaitTermination(1, TimeUnit.MINUTES);
      waitForMail(Duration.ofMinutes(7));
      verify();
    } finally {
      nodes.values().forEach(Process::destroyForcibly);
      smtp.stop();
      postgres.close();
    }
    String report = "\nTwo nodes on one PostgreSQL, faults injected:\n" + json.writerWithDefaultPrettyPrinter()
        .writeValueAsString(results) + "\n";
    System.out.println(report);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "cluster-faults.json"), json.writeValueAsString(results));
  }

  // ---- the cluster

  /** The same data directory every time: a restart must find the data (the builder would delete it on close). */
  void startPostgres(boolean fresh) throws Exception {
    Path data = work.resolve("pgdata");
    if (fresh && Files.exists(data)) {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(data).setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(30)).start();
  }

  void startNode(String name, boolean first) throws Exception {
    int port = ports.computeIfAbsent(name, k -> freePort());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", classpath(), TryggSamverkanApplication.class.getName(),
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--server.port=" + port, "--trygg.demo.enabled=false", "--trygg.password-policy=false",
        "--trygg.admin.password=" + (first ? PASSWORD : ""), "--trygg.mail.transport=smtp",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--trygg.calendar.late-start-grace-days=3",
        "--camunda.bpm.job-execution.lock-time-in-millis=20000", "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000", "--logging.structured.format.console=ecs",
        "--spring.datasource.hikari.connection-timeout=5000",
        // the run reads mail health details without a login (the nodes are its own, on loopback)
        "--management.endpoint.health.show-details=always"));
    File log = work.resolve("node-" + name + ".log").toAbsolutePath().toFile();
    // run from the node's own folder: an empty class path entry would otherwise make the repository a class path root
    Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    nodes.put(name, process);
    waitForReadiness(name, Duration.ofMinutes(3));
    log("node " + name + " ready on port " + port + " (pid " + process.pid() + ")");
  }

  /** This JVM's class path with absolute entries only, for the nodes. */
  static String classpath() {
    return se.tryggsamverkan.support.ChildJvm.classpath();
  }

  void waitForReadiness(String name, Duration limit) throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      try {
        // ready means the application has started, its runners included: only then is the status UP
        HttpResponse<String> readiness = http(name).get("/actuator/health/readiness", null, null);
        if (readiness.statusCode() == 200 && json.readTree(readiness.body()).path("status").asText().equals("UP")) {
          return;
        }
      } catch (RuntimeException | java.io.IOException notYet) {
        // starting
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("Node " + name + " did not become ready within " + limit);
  }

  Http http(String node) {
    return new Http(ports.get(node));
  }

  // ---- the load

  void seed(int n) throws Exception {
    Http a = http("A");
    for (int i = 0; i < n; i++) {
      String t = "k" + i;
      post(a, "/engine-rest/tenant/create", "{\"id\":\"" + t + "\",\"name\":\"Kommun " + i + "\"}");
      for (String role : List.of("police-coordinator", "municipal-coordinator", "police-steering",
          "municipal-steering", "activity-owner")) {
        String user = t + "." + role;
        post(a, "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + user + "\",\"firstName\":\"" + role
            + "\",\"lastName\":\"" + t + "\",\"email\":\"" + user + "@example.org\"},\"credentials\":{\"password\":\""
            + PASSWORD + "\"}}");
        put(a, "/engine-rest/group/" + role + "/members/" + user);
        put(a, "/engine-rest/tenant/" + t + "/user-members/" + user);
      }
      String body = "{\"businessKey\":\"cl-" + t + "\",\"variables\":{"
          + var("tenantId", t) + "," + var("municipality", "Kommun " + i) + "," + var("policeArea", "LPO " + i) + ","
          + var("periodStart", "2027-01-01") + "," + var("periodEnd", "2027-12-31") + ","
          + var("policeCoordinator", t + ".police-coordinator") + ","
          + var("municipalCoordinator", t + ".municipal-coordinator") + ","
          + var("policeSteeringMember", t + ".police-steering") + ","
          + var("municipalSteeringMember", t + ".municipal-steering") + "," + var("firstChair", "MUNICIPALITY") + "}}";
      HttpResponse<String> started = http(i % 2 == 0 ? "A" : "B").post(
          "/engine-rest/process-definition/key/collaborationAgreement/start", t + ".police-coordinator", PASSWORD,
          body);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    }
    log(n + " municipalities with an agreement for 2027");
  }

  void drive(int worker, AtomicBoolean running) {
    int turn = 0;
    while (running.get()) {
      String node = turn++ % 2 == 0 ? "A" : "B";
      try {
        HttpResponse<String> list = http(node).get("/engine-rest/task?processDefinitionKey=yearlyCycle"
            + "&sortBy=created&sortOrder=asc&maxResults=60", ADMIN, PASSWORD);
        if (list.statusCode() != 200) {
          nodeDown.incrementAndGet();
          Thread.sleep(500);
          continue;
        }
        for (JsonNode task : json.readTree(list.body())) {
          String id = task.path("id").asText();
          if (Math.abs(id.hashCode()) % 4 != worker || completed.contains(id)) {
            continue;
          }
          Map<String, String> answer = answers(task.path("taskDefinitionKey").asText(),
              task.path("tenantId").asText());
          if (answer == null) {
            continue;
          }
          HttpResponse<String> done = http(node).post("/engine-rest/task/" + id + "/complete", ADMIN, PASSWORD,
              "{\"variables\":{" + String.join(",", answer.values()) + "}}");
          if (done.statusCode() == 204) {
            completed.add(id);
            // people, not a script: about ten completions a second in all, so that the load outlasts the faults
            Thread.sleep(400);
          } else if (done.body().contains("OptimisticLocking")) {
            conflicts.incrementAndGet();
          } else if (done.statusCode() == 400) {
            refused.incrementAndGet();
            refusedMessages.add(done.body());
          } else {
            nodeDown.incrementAndGet();
          }
        }
        Thread.sleep(200);
      } catch (Exception e) {
        nodeDown.incrementAndGet();
        try {
          Thread.sleep(500);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  void sweepEvery(Duration every, AtomicBoolean running) {
    int turn = 0;
    while (running.get()) {
      try {
        http(turn++ % 2 == 0 ? "A" : "B").post("/engine-rest/process-definition/key/reminderSweep/start", ADMIN,
            PASSWORD, "{}");
      } catch (RuntimeException nodeIsDown) {
        // the other node sweeps next time
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException stop) {
        return;
      }
    }
  }

  /** What the cycle's forms would submit, as engine REST variables; null for tasks the run leaves (follow-ups). */
  static Map<String, String> answers(String taskKey, String tenantId) {
    Map<String, String> v = new LinkedHashMap<>();
    switch (taskKey) {
      case "Task_PoliceSituationPicture", "Task_MunicipalSituationPicture" -> {
        v.put("a", var("situationPicture", "Trafikbrott vid skolor"));
        v.put("b", json("situationEntries", "[{\"source\":\"CRIME_STATISTICS\",\"description\":\"Anmälda brott\","
            + "\"figure\":412,\"unit\":\"anmälda brott\"}]"));
      }
      case "Task_MergeAndPrioritise" -> {
        v.put("a", var("jointSituationPicture", "Gemensam bild"));
        v.put("b", json("focusAreas", "[{\"name\":\"Trygghet i trafik\"}]"));
        v.put("c", json("prioritisedProblems", "[{\"title\":\"Buskörning\",\"focusArea\":\"Trygghet i trafik\"}]"));
      }
      case "Task_CauseAnalysis" -> v.put("a", var("causes", "Låg vuxennärvaro"));
      case "Task_ActionPlan" -> {
        v.put("a", json("activities", "[{\"focusArea\":\"Trygghet i trafik\",\"description\":\"Trafikkontroller\","
            + "\"expectedEffect\":\"Färre klagomål\",\"responsibleParty\":\"POLICE\",\"responsiblePerson\":\""
            + tenantId + ".police-coordinator\","
            + "\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"indicators\":\"Antal\","
            + "\"followUpInterval\":\"QUARTERLY\"}]"));
        v.put("b", json("promises", "[{\"text\":\"Trafikkontroller\",\"party\":\"POLICE\",\"target\":"
            + "\"minst 1 per vecka\"}]"));
      }
      case "Task_PrepareSteeringGroup" -> {
        v.put("a", var("preparationSummary", "Förslag"));
        v.put("b", var("steeringMeetingDate", "2026-12-10"));
        v.put("c", var("steeringMeetingPlace", "Kommunhuset"));
      }
      case "Task_PoliceSteeringDecision", "Task_MunicipalSteeringDecision" -> v.put("a", var("decision", "APPROVE"));
      case "Task_SignAndPublish" -> {
        v.put("a", var("signedOn", "2026-12-20"));
        v.put("b", var("publishedAt", "Webben"));
      }
      case "Task_ScheduleFollowUpMeeting" -> {
        v.put("a", var("steeringMeetingDate", "2027-06-10"));
        v.put("b", var("steeringMeetingPlace", "Polisstationen"));
      }
      case "Task_HalfYearFollowUp" -> v.put("a", var("halfYearConclusions", "Enligt plan"));
      default -> {
        return null;
      }
    }
    return v;
  }

  static String var(String name, String value) {
    return "\"" + name + "\":{\"value\":\"" + value.replace("\"", "\\\"") + "\",\"type\":\"String\"}";
  }

  static String json(String name, String value) {
    return "\"" + name + "\":{\"value\":\"" + value.replace("\"", "\\\"") + "\",\"type\":\"Json\"}";
  }

  // ---- waiting and checking

  void waitForCompletions(int target, Duration limit) throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (completed.size() < target && Instant.now().isBefore(end)) {
      Thread.sleep(1000);
    }
    log(completed.size() + " completions so far, " + conflicts.get() + " optimistic-locking conflicts retried");
  }

  void waitForMail(Duration limit) throws Exception {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      if (query("select count(*) from mail_outbox where status in ('PENDING', 'FAILED')") == 0) {
        return;
      }
      Thread.sleep(5000);
    }
    log("mail still waiting after " + limit);
  }

  void verify() throws Exception {
    Set<String> lost = new HashSet<>();
    for (String id : completed) {
      if (query("select count(*) from act_hi_taskinst where id_ = '" + id + "' and end_time_ is not null") != 1) {
        lost.add(id);
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    received.addAll(List.of(smtp.getReceivedMessages()));
    for (MimeMessage m : received) {
      String key = m.getRecipients(Message.RecipientType.TO)[0] + " | " + m.getSubject();
      seen.merge(key, 1, Integer::sum);
    }
    long duplicates = seen.values().stream().filter(c -> c > 1).count();
    results.put("tasksCompleted", completed.size());
    results.put("completionsLost", lost.size());
    results.put("optimisticLockingConflictsRetried", conflicts.get());
    results.put("requestsFailedWhileANodeOrTheDatabaseWasDown", nodeDown.get());
    results.put("submitsRefused", refused.get());
    results.put("mailsSent", query("select count(*) from mail_outbox where status = 'SENT'"));
    results.put("mailsWaiting", query("select count(*) from mail_outbox where status in ('PENDING', 'FAILED')"));
    results.put("mailsReceivedBySmtp", received.size());
    results.put("duplicateMails", duplicates);
    results.put("incidents", query("select count(*) from act_ru_incident"));
    results.put("nodeAHealth", http("A").json("/actuator/health", null, null).path("status").asText());
    results.put("nodeBHealth", http("B").json("/actuator/health", null, null).path("status").asText());
    assertThat(lost).as("completions lost").isEmpty();
    assertThat(duplicates).as("duplicate mails").isZero();
    assertThat(received).as("one mail received for each mail the outbox says was sent")
        .hasSize((Integer) results.get("mailsSent"));
    assertThat(results.get("mailsWaiting")).as("mails still waiting").isEqualTo(0);
    assertThat(refusedMessages).as("submits refused").isEmpty();
  }

  int query(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); ResultSet rs = c.createStatement()
        .executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  void post(Http http, String path, String body) {
    HttpResponse<String> r = http.post(path, ADMIN, PASSWORD, body);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 299);
  }

  void put(Http http, String path) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + ports.get("A")
            + path)).header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (ADMIN + ":" + PASSWORD).getBytes())).PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
    var r = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 299);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void log(String line) {
    System.out.println(Instant.now() + " [cluster] " + line);
  }
}
