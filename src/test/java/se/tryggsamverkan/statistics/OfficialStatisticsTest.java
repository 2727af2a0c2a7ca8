package se.tryggsamverkan.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.LockWaits;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Issue 17: the situation picture starts from the municipality's official figures. Kolada's API is served here by a
 * local HTTP server in Kolada's documented v3 shape: a municipality looked up by name, data in two pages, a year
 * Kolada has no figure for (a null value and an absent row), the county and the country beside; then an error
 * status, an answer too slow for the timeout and an answer that is not JSON. Whatever Kolada does, the task is
 * created and says in Swedish what it has.
 */
@PostgresProcessTest
@ExtendWith(OutputCaptureExtension.class)
class OfficialStatisticsTest {

  /** How the stub answers the next data requests. */
  enum Mode { OK, ERROR_500, SLOW, NOT_JSON, TOO_LARGE_ONCE }

  static volatile Mode mode = Mode.OK;
  static final List<String> requests = new CopyOnWriteArrayList<>();
  static final HttpServer KOLADA = kolada();

  @DynamicPropertySource
  static void kolada(DynamicPropertyRegistry properties) {
    properties.add("trygg.statistics.kolada.base-url", () -> "http://localhost:" + KOLADA.getAddress().getPort() + "/v3");
    properties.add("trygg.statistics.kolada.timeout", () -> "1s");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired OfficialStatistics statistics;
  @Autowired PlatformTransactionManager transactions;

  Http http;
  TestMunicipality kungsbacka;
  CycleDriver driver;

  @BeforeEach
  void kungsbackaWithAnAgreementFor2027() {
    init(engine);
    http = new Http(port);
    mode = Mode.OK;
    requests.clear();
    // every test starts with nothing fetched: figures are kept per area, and the local Kolada's areas are the same
    // for all
    jdbc.sql("delete from official_statistic where area_code in ('1384', '0013', '0000')").update();
    Clock.setTo("2026-11-02T09:00");
    kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    driver = new CycleDriver(engine, kungsbacka);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void thePoliceSituationPictureOpensWithTheFiguresOfTheLastFiveYearsBesideTheCountyAndTheCountry() throws Exception {
    ProcessInstance agreement = driver.startAgreement("stat-" + kungsbacka.tenantId(),
        kungsbacka.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY"));
    HttpResponse refresh = refresh(Role.MUNICIPAL_COORDINATOR);
    assertThat(refresh.status).isEqualTo(200);
    assertThat(refresh.body.path("refresh").path("outcome").asText()).isEqualTo("OK");
    assertThat(requests).as("the municipality by name, then two pages of data").hasSize(3);
    assertThat(requests.get(0)).isEqualTo("/v3/municipality?title=Kungsbacka");
    assertThat(requests.get(1)).startsWith("/v3/data/kpi/N07540,N07403,U07417,U07452/municipality/1384,0013,0000/"
        + "year/2020,2021,2022,2023,2024,2025,2026");
    assertThat(requests.get(2)).endsWith("page=2");

    ProcessInstance cycle = driver.cycle(agreement, 2027);
    driver.runDueTimers(cycle);
    Task police = driver.task(cycle, TASK_POLICE_SITUATION_PICTURE);
    JsonNode rows = new ObjectMapper().readTree(engine.getTaskService()
        .getVariableTyped(police.getId(), SITUATION_ENTRIES.name(), false).getValue().toString());
    // four indicators for 2022–2026; Kolada has nothing for 2026 yet, skadegörelse 2023 is null, våld 2024 absent
    assertThat(rows).hasSize(4 * 4 - 2);
    JsonNode first = rows.get(0);
    assertThat(first.path("source").asText()).isEqualTo("OFFICIAL_STATISTICS");
    assertThat(first.path("kpiId").asText()).isEqualTo("N07540");
    assertThat(first.path("period").asInt()).isEqualTo(2022);
    assertThat(first.path("retrievedOn").asText()).isEqualTo("2026-11-02");
    assertThat(first.path("figure").decimalValue()).isEqualByComparingTo("5220.5");
    // numbers as Swedish writes them: a (no-break) space between thousands, a decimal comma
    assertThat(first.path("description").asText().replace('\u00a0', ' ').replace('\u202f', ' ')).isEqualTo("Anmälda brott totalt, antal/100 000 inv, 2022: "
        + "Kungsbacka 5 220,5 · länet 6 120,5 · riket 7 020,5 (Källa: Kolada, N07540). Förändring mot 2021: +2 %.");
    List<String> periods = new ArrayList<>();
    rows.forEach(r -> periods.add(r.path("kpiId").asText() + "/" + r.path("period").asInt()));
    assertThat(periods).doesNotContain("U07452/2023", "N07403/2024", "N07540/2026");
    assertThat((String) engine.getTaskService().getVariable(police.getId(), "statisticsNote"))
        .startsWith("Raderna med källan Officiell statistik (Kolada) är hämtade från Kolada 2026-11-02")
        .contains("Källa: Kolada");
    Task municipal = driver.task(cycle, TASK_MUNICIPAL_SITUATION_PICTURE);
    assertThat(engine.getTaskService().getVariableTyped(municipal.getId(), SITUATION_ENTRIES.name(), false)
        .getValue().toString()).isEqualTo("[]");

    // the coordinator keeps most rows, corrects one figure and removes one, adds one of their own
    ArrayNode submitted = (ArrayNode) rows.deepCopy();
    ((ObjectNode) submitted.get(1)).put("figure", new BigDecimal("5300"));
    submitted.remove(2);
    submitted.addObject().put("source", "POLICE_PICTURE").put("description", "Polisens egen bild");
    driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, Map.of(SITUATION_PICTURE.name(), "Lägesbild",
        SITUATION_ENTRIES.name(), CycleDriver.json(submitted.toString())));
    List<Map<String, Object>> stored = jdbc.sql("select source, figure, kpi_id, period, retrieved_on "
            + "from situation_entry where task_id = :t order by id").param("t", police.getId()).query().listOfRows();
    assertThat(stored).hasSize(rows.size());
    assertThat(stored.get(1)).containsEntry("kpi_id", "N07540").containsEntry("period", 2023);
    assertThat((BigDecimal) stored.get(1).get("figure")).isEqualByComparingTo("5300");
    assertThat(stored.get(1).get("retrieved_on").toString()).isEqualTo("2026-11-02");
    assertThat(stored.get(stored.size() - 1)).containsEntry("source", "POLICE_PICTURE").containsEntry("kpi_id", null);
  }

  @Test
  void whenKoladaFailsTheTaskIsCreatedAsBeforeWithASwedishNoteAndTheLastFiguresStay() throws Exception {
    ProcessInstance agreement = driver.startAgreement("stat-" + kungsbacka.tenantId(),
        kungsbacka.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY"));
    mode = Mode.ERROR_500;
    JsonNode failed = refresh(Role.POLICE_COORDINATOR).body.path("refresh");
    assertThat(failed.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(failed.path("message").asText()).isEqualTo("Kolada kunde inte nås 2026-11-02 (svarade med fel 500). "
        + "Inga siffror är hämtade än.");

    ProcessInstance cycle = driver.cycle(agreement, 2027);
    driver.runDueTimers(cycle);
    Task police = driver.task(cycle, TASK_POLICE_SITUATION_PICTURE);
    assertThat(engine.getTaskService().getVariableTyped(police.getId(), SITUATION_ENTRIES.name(), false).getValue()
        .toString()).isEqualTo("[]");
    assertThat((String) engine.getTaskService().getVariable(police.getId(), "statisticsNote"))
        .startsWith("Kolada kunde inte nås 2026-11-02 (svarade med fel 500).").endsWith("Skriv in siffrorna själv "
            + "under Underlag.");

    // figures come on demand into the open task; a row the coordinator already had stays
    engine.getTaskService().setVariableLocal(police.getId(), SITUATION_ENTRIES.name(), CycleDriver.json(
        "[{\"source\":\"SAFETY_WALK\",\"description\":\"Trygghetsvandring i Kolla\"}]"));
    mode = Mode.OK;
    JsonNode ok = refresh(Role.POLICE_COORDINATOR).body;
    assertThat(ok.path("openTasksUpdated").asInt()).isEqualTo(1);
    JsonNode rows = new ObjectMapper().readTree(engine.getTaskService()
        .getVariableTyped(police.getId(), SITUATION_ENTRIES.name(), false).getValue().toString());
    assertThat(rows.get(0).path("description").asText()).isEqualTo("Trygghetsvandring i Kolla");
    assertThat(rows).hasSize(1 + 14);

    Clock.setTo("2026-11-03T04:40");
    for (Mode failure : new Mode[] {Mode.SLOW, Mode.NOT_JSON, Mode.ERROR_500}) {
      mode = failure;
      OfficialStatistics.Refresh again = statistics.refresh(kungsbacka.tenantId());
      assertThat(again.outcome()).as(failure.name()).isEqualTo("FAILED");
      assertThat(again.message()).as(failure.name()).startsWith("Kolada kunde inte nås 2026-11-03 (")
          .contains(failure == Mode.SLOW ? "inget svar i tid" : failure == Mode.NOT_JSON ? "oväntat svar"
              : "svarade med fel 500")
          .endsWith("Siffrorna från den senaste lyckade hämtningen (2026-11-02) finns kvar.");
      assertThat(statistics.figures(kungsbacka.tenantId(), 2027)).as("kept after " + failure).hasSize(14);
    }
  }

  @Test
  void onlyTheMunicipalitysCoordinatorsRefreshAndEveryoneOfItReadsTheFigures() {
    driver.startAgreement("stat-" + kungsbacka.tenantId(), kungsbacka.agreementStart("2027-01-01", "2027-12-31",
        "MUNICIPALITY"));
    TestMunicipality kavlinge = TestMunicipality.create(identity, "Kävlinge");
    String path = "/api/tenants/" + kungsbacka.tenantId() + "/statistics";
    for (Role role : Role.values()) {
      assertThat(http.post(path + "/refresh", kavlinge.user(role), "test", "").statusCode()).as("Kävlinge " + role)
          .isEqualTo(403);
      assertThat(http.get(path, kavlinge.user(role), "test").statusCode()).as("Kävlinge " + role).isEqualTo(403);
    }
    for (Role role : new Role[] {Role.POLICE_STEERING, Role.MUNICIPAL_STEERING, Role.ACTIVITY_OWNER}) {
      assertThat(http.post(path + "/refresh", kungsbacka.user(role), "test", "").statusCode()).as(role.name())
          .isEqualTo(403);
    }
    assertThat(requests).as("nobody reached Kolada").isEmpty();
    assertThat(refresh(Role.POLICE_COORDINATOR).status).isEqualTo(200);
    JsonNode figures = http.parse(http.get(path + "?year=2027", kungsbacka.user(Role.MUNICIPAL_STEERING), "test")
        .body());
    assertThat(figures.path("source").asText()).isEqualTo("Källa: Kolada");
    assertThat(figures.path("figures")).hasSize(14);
    assertThat(figures.path("figures").get(0).path("changePercent").decimalValue()).isEqualByComparingTo("2.0");
    assertThat(http.get(path + "?year=abc", kungsbacka.user(Role.MUNICIPAL_STEERING), "test").statusCode())
        .isEqualTo(400);
  }

  @Test
  void twoRefreshesOfTheSameFiguresAtTheSameMomentBothSucceed() throws Exception {
    driver.startAgreement("stat-" + kungsbacka.tenantId(), kungsbacka.agreementStart("2027-01-01", "2027-12-31",
        "MUNICIPALITY"));
    // the night before: the municipality is known to Kolada and its figures are kept, as on every night but the first
    assertThat(statistics.refresh(kungsbacka.tenantId()).outcome()).isEqualTo("OK");
    int kept = figureRows();
    Clock.setTo("2026-11-03T04:40");

    // one node's nightly refresh has written the figures and not yet committed, when the other node's (or a
    // coordinator's "Hämta nu") reaches the same rows and waits for them
    LockWaits.Both<OfficialStatistics.Refresh, OfficialStatistics.Refresh> both = LockWaits.whileHeld(transactions,
        jdbc, "", () -> statistics.refresh(kungsbacka.tenantId()), () -> statistics.refresh(kungsbacka.tenantId()));

    assertThat(both.first().outcome()).isEqualTo("OK");
    assertThat(both.second().outcome()).isEqualTo("OK");
    assertThat(figureRows()).isEqualTo(kept);
    assertThat(statistics.figures(kungsbacka.tenantId(), 2027)).hasSize(14)
        .allSatisfy(figure -> assertThat(figure.retrievedOn()).isEqualTo(LocalDate.of(2026, 11, 3)));
    assertThat(statistics.lastRefresh(kungsbacka.tenantId()).orElseThrow().outcome()).isEqualTo("OK");
  }

  @Test
  void aNightlyRunGoesOnWhenOneMunicipalitysRefreshFailsOnOurSide(CapturedOutput log) {
    driver.startAgreement("stat-" + kungsbacka.tenantId(), kungsbacka.agreementStart("2027-01-01", "2027-12-31",
        "MUNICIPALITY"));
    TestMunicipality namesake = TestMunicipality.create(identity, "Kungsbacka");
    new CycleDriver(engine, namesake).startAgreement("stat-" + namesake.tenantId(),
        namesake.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY"));
    List<String> tenants = jdbc.sql("select distinct tenant_id from agreement order by tenant_id")
        .query(String.class).list();
    mode = Mode.TOO_LARGE_ONCE;

    int refreshed = statistics.refreshAll();

    assertThat(refreshed).as("all but the first municipality of the night").isEqualTo(tenants.size() - 1);
    OfficialStatistics.Refresh first = statistics.lastRefresh(tenants.get(0)).orElseThrow();
    assertThat(first.outcome()).isEqualTo("FAILED");
    assertThat(first.message()).startsWith("Siffrorna kunde inte sparas 2026-11-02 (ett fel hos oss; förvaltningen "
        + "ser det i loggen).");
    assertThat(tenants.subList(1, tenants.size())).allSatisfy(tenant ->
        assertThat(statistics.lastRefresh(tenant).orElseThrow().outcome()).as(tenant).isEqualTo("OK"));
    assertThat(log.getOut()).contains("Kolada: refreshing the figures of " + tenants.get(0) + " failed; the night's "
        + "run goes on with the others").contains("Kolada: refreshed " + refreshed + " of " + tenants.size()
        + " municipalities, 1 failed (logged above)");
  }

  private int figureRows() {
    return jdbc.sql("select count(*) from official_statistic where area_code in ('1384', '0013', '0000')")
        .query(Integer.class).single();
  }


  private record HttpResponse(int status, JsonNode body) {
  }

  private HttpResponse refresh(Role role) {
    var response = http.post("/api/tenants/" + kungsbacka.tenantId() + "/statistics/refresh", kungsbacka.user(role),
        "test", "");
    return new HttpResponse(response.statusCode(), response.statusCode() == 200 ? http.parse(response.body()) : null);
  }

  // ---- Kolada, as its v3 API answers (values, count, next_url; gender T; a missing figure as null or absent)

  private static HttpServer kolada() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.createContext("/v3/", OfficialStatisticsTest::answer);
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String target = java.net.URLDecoder.decode(path + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
    requests.add(target);
    if (target.startsWith("/v3/municipality")) {
      send(exchange, 200, "{\"count\":2,\"values\":[{\"id\":\"1384\",\"title\":\"Kungsbacka\",\"type\":\"K\"},"
          + "{\"id\":\"0013\",\"title\":\"Region Halland\",\"type\":\"L\"}]}");
      return;
    }
    switch (mode) {
      case ERROR_500 -> send(exchange, 500, "{\"detail\":\"Internal Server Error\"}");
      case NOT_JSON -> send(exchange, 200, "<html>Underhåll pågår</html>");
      case SLOW -> {
        try {
          Thread.sleep(3_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(exchange, 200, "{\"count\":0,\"values\":[]}");
      }
      case OK -> send(exchange, 200, page(query != null && query.contains("page=2"),
          "http://localhost:" + KOLADA.getAddress().getPort() + path + "?page=2"));
      case TOO_LARGE_ONCE -> {
        // one figure wider than the column (numeric(14, 2)), then Kolada as usual again
        mode = Mode.OK;
        send(exchange, 200, page(false, "http://localhost:" + KOLADA.getAddress().getPort() + path + "?page=2")
            .replaceFirst("\"value\":[0-9.]+", "\"value\":1.0E15"));
      }
    }
  }

  /** 2021–2025 for the four KPIs in Kungsbacka, Halland and Sweden, split over two pages. */
  private static String page(boolean second, String next) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode answer = json.createObjectNode();
    ArrayNode values = answer.putArray("values");
    String[] kpis = {"N07540", "N07403", "U07417", "U07452"};
    String[] areas = {"1384", "0013", "0000"};
    for (int k = 0; k < kpis.length; k++) {
      if ((k >= 2) != second) {
        continue;
      }
      for (int a = 0; a < areas.length; a++) {
        for (int year = 2021; year <= 2025; year++) {
          if (kpis[k].equals("N07403") && year == 2024) {
            continue;
          }
          ObjectNode row = values.addObject();
          row.put("kpi", kpis[k]).put("municipality", areas[a]).put("period", year);
          ObjectNode value = row.putArray("values").addObject().put("count", 1).put("gender", "T").put("status", "");
          if (kpis[k].equals("U07452") && year == 2023) {
            value.putNull("value");
          } else {
            value.put("value", new BigDecimal(5000 + 1000 * k + 900 * a + 100 * (year - 2020)).add(
                new BigDecimal("20.5")));
          }
        }
      }
    }
    answer.put("count", values.size());
    if (second) {
      answer.putNull("next_url");
    } else {
      answer.put("next_url", next);
    }
    return answer.toString();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
