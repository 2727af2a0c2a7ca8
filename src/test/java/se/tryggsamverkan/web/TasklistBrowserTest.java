package se.tryggsamverkan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import se.tryggsamverkan.TryggSamverkanApplication;
import se.tryggsamverkan.common.FormLimits;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.PLAN_CHANGES;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.PLAN_SUMMARY;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.STEERING_COMMENTS;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.support.Axe;
import se.tryggsamverkan.support.DemoDay;
import se.tryggsamverkan.support.EmbeddedPostgres;
import se.tryggsamverkan.support.HeadlessChromium;
import se.tryggsamverkan.support.Http;

/**
 * End-to-end through Camunda Tasklist in headless Chromium, on the demo data and a real PostgreSQL. Proves
 * that a user with nothing but a browser and the demo password can find their work through the shared
 * "Min grupps uppgifter" filter, that the deployed Swedish Camunda Forms (with their dynamic lists, selects and
 * date pickers) render and submit with the authorizations the bootstrap grants, that the answers reach the
 * process and the project's tables, that a refused submit keeps the form and stores nothing, and that one
 * municipality (tenant) never sees another's tasks. Screenshots of the key pages are kept in
 * target/screenshots.
 *
 * <p>All tests share one application (one demo). The situation-picture test needs Kungsbacka's police
 * situation picture as the demo leaves it, so it runs first; the action-plan test drives the same cycle
 * forward through the engine from wherever it is.
 */
// tagged so that .ci/run can leave it out of its run on a moved clock: Chromium under faketime is not tried
@Tag("browser")
@SpringBootTest(classes = TryggSamverkanApplication.class, webEnvironment = RANDOM_PORT,
    properties = {"trygg.demo.enabled=true", "trygg.admin.password=admin",
        "trygg.demo.today=" + DemoDay.BROWSER_TESTS,
        // the map's tiles from the test's own classpath (static/test-tiles/), not from OpenStreetMap
        "trygg.map.tile-url=/test-tiles/tile.png?z={z}&x={x}&y={y}"})
@ContextConfiguration(initializers = EmbeddedPostgres.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserTest {

  private static final String MY_GROUPS_TASKS = "Min grupps uppgifter";
  private static final String POLICE_PICTURE = "Polisens lägesbild";
  private static final String MERGE_AND_PRIORITISE = "Sammanställ lägesbilden och prioritera problem";
  private static final String ACTION_PLAN = "Åtgärdsplan och förslag till medborgarlöften";
  private static final String PREPARE_STEERING_GROUP = "Bered underlag till styrgruppen";
  private static final String POLICE_STEERING_DECISION = "Styrgruppens beslut: polisen";
  private static final String HALF_YEAR_FOLLOW_UP = "Styrgruppens halvårsuppföljning";
  private static final String PROPOSE_PLAN_CHANGE = "Föreslå ändring av planen";
  private static final String CHANGED_ACTIVITIES = "Ändra eller stoppa aktiviteter";
  private static final String NEW_ACTIVITIES = "Nya aktiviteter";
  private static final String SITUATION_ENTRIES = "Underlag";
  private static final String PLACES = "Otrygga och brottsutsatta platser";
  private static final String ACTIVITIES = "Aktiviteter";
  private static final String PROMISES = "Förslag till medborgarlöften";
  private static final String KUNGSBACKA_2027 = "kungsbacka-2027-2028-2027";
  private static final String KUNGSBACKA_2026 = "kungsbacka-2025-2026-2026";
  private static final String OCCURRENCES = "Genomförda medborgarlöften sedan förra uppföljningen";
  private static final String KAVLINGE_2027 = "kavlinge-2027-2030-2027";
  private static final List<String> KUNGSBACKA_FOCUS_AREAS =
      List.of("Trygghet i offentlig miljö", "Trygghet i trafik", "Narkotikaprevention");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final By TASK_ITEMS = By.cssSelector("[cam-tasks] .tasks-list li.task");
  private static final By TASK_LINK = By.cssSelector("a[href*='task=']");
  private static final By ERRORS = By.cssSelector(".alert-danger");
  private static final By COMPLETE = By.cssSelector(".task-details button[ng-click='complete()']");
  private static final Dimension WINDOW = HeadlessChromium.WINDOW;

  @LocalServerPort
  private int port;
  @Autowired
  private TaskService taskService;
  @Autowired
  private EngineClock engineClock;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private se.tryggsamverkan.statistics.engine.OpenSituationPictures openSituationPictures;
  @Autowired
  private java.time.Clock clock;

  private Path profile;
  private WebDriver driver;
  private WebDriverWait wait;

  /** A failed test leaves the page it failed on behind, as a screenshot and its DOM. */
  @RegisterExtension
  final AfterTestExecutionCallback keepTheFailedPage = context -> {
    if (context.getExecutionException().isPresent() && driver != null) {
      screenshot("FAILED-" + context.getRequiredTestMethod().getName());
    }
  };

  @BeforeEach
  void startBrowser() throws IOException {
    // other test classes reset the shared engine clock: back to the demo's day, where it had ticked to
    engineClock.applyDemoDay();
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("tasklist-chromium");
    driver = HeadlessChromium.start("sv-SE", profile);
    wait = HeadlessChromium.waitFor(driver);
  }



  @AfterEach
  void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    HeadlessChromium.deleteProfile(profile);
  }


  @Test
  @Order(1)
  void theKungsbackaPoliceCoordinatorSubmitsTheSituationPictureAndThenSeesTheMergeTaskInTheirGroupsList() {
    ProcessInstance cycle = cycle(KUNGSBACKA_2027);
    String agreementId = agreementId(cycle);
    Task pictureTask = taskService.createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey("Task_PoliceSituationPicture").singleResult();
    assertThat(pictureTask).as("the demo leaves Kungsbacka's police situation picture of 2027 open").isNotNull();
    String picture = "Ungdomsbrott vid Kungsbacka station ökar på kvällstid (skrivet i Tasklist).";
    String entry = "Anmälda brott i centrala Kungsbacka under 2026";
    String place = "Gångtunneln under väg 158";
    String why = "Bristande belysning och skymmande buskage";

    // Kungsbacka's official figures, as a refresh from Kolada leaves them (OfficialStatisticsTest fetches them from
    // a local Kolada), offered to the open situation picture as the coordinators' "Hämta nu" does
    int offered = seedKoladaFiguresOfKungsbacka();
    assertThat(offered).isEqualTo(1);

    logIn("kungsbacka.polis");
    openFilter(MY_GROUPS_TASKS);
    waitForTaskInList(POLICE_PICTURE);
    // the demo keeps this year's half-year follow-up open for the steering group and both coordinators, and the
    // coordinators' standing task for changes to this year's plan is always there
    assertThat(taskNames()).containsExactlyInAnyOrder(POLICE_PICTURE, HALF_YEAR_FOLLOW_UP, PROPOSE_PLAN_CHANGE);
    // the card names the municipality and the cycle's year (filter variables, readable with READ_INSTANCE)
    wait.until(d -> waitForTaskInList(POLICE_PICTURE).getText().contains("Kungsbacka kommun"));
    assertThat(waitForTaskInList(POLICE_PICTURE).getText()).contains("Kommun", "Kungsbacka kommun", "År", "2027");
    screenshot("01-kungsbacka-polis-group-tasks");

    openTask(POLICE_PICTURE);
    claimTheOpenTask();
    assertThat(formValue("Kommun")).isEqualTo("Kungsbacka kommun");
    assertThat(formValue("Årscykel")).isEqualTo("2027");
    assertThat(driver.findElement(By.cssSelector(".task-details")).getText())
        .contains("Partens egen lägesbild", "Lärdomar från tidigare år", SITUATION_ENTRIES, PLACES);
    // twelve rows from the official statistics (four indicators, 2023–2025), more than the form shows at once
    assertThat(rows(SITUATION_ENTRIES)).as("the official figures to start from").hasSize(12);
    assertThat(formValue("Officiell statistik")).startsWith("Raderna med källan Officiell statistik (Kolada)");
    assertThat(choice(SITUATION_ENTRIES, 0, "Källa")).isEqualTo("Officiell statistik (Kolada)");
    assertThat(valueIn(SITUATION_ENTRIES, 0, "Nyckeltal i Kolada")).isEqualTo("N07540");
    assertThat(valueIn(SITUATION_ENTRIES, 0, "Avser år")).isEqualTo("2023");
    assertThat(valueIn(SITUATION_ENTRIES, 11, "Vad visar underlaget?")).startsWith("Anmälda brott om skadegörelse, "
        + "antal/100 000 inv, 2025: Kungsbacka kommun").contains("länet", "riket", "(Källa: Kolada, U07452)");
    assertThat(rows(PLACES)).as("no places to start from").isEmpty();
    screenshot("02-kungsbacka-polis-situation-picture-form");

    typeInto("Lägesbild", picture);
    // the coordinator corrects one figure, removes one row and adds a source of their own
    typeIn(SITUATION_ENTRIES, 0, "Siffra", "5300");
    removeRow(SITUATION_ENTRIES, 11);
    addRow(SITUATION_ENTRIES);
    choose(SITUATION_ENTRIES, 11, "Källa", "Brottsstatistik");
    typeIn(SITUATION_ENTRIES, 11, "Vad visar underlaget?", entry);
    typeIn(SITUATION_ENTRIES, 11, "Siffra", "412");
    typeIn(SITUATION_ENTRIES, 11, "Enhet", "anmälda brott");
    addRow(PLACES);
    typeIn(PLACES, 0, "Plats", place);
    choose(PLACES, 0, "Typ", "Brottsutsatt plats (hot spot)");
    typeIn(PLACES, 0, "Varför?", why);
    typeIn(PLACES, 0, "Latitud", "57.4905");
    typeIn(PLACES, 0, "Longitud", "12.0733");
    assertThat(formValue("Lägesbild")).isEqualTo(picture);
    assertThat(choice(SITUATION_ENTRIES, 11, "Källa")).isEqualTo("Brottsstatistik");
    assertThat(valueIn(SITUATION_ENTRIES, 11, "Siffra")).isEqualTo("412");
    assertThat(valueIn(SITUATION_ENTRIES, 0, "Siffra")).isEqualTo("5300");
    assertThat(choice(PLACES, 0, "Typ")).isEqualTo("Brottsutsatt plats (hot spot)");
    fullPageScreenshot("03-kungsbacka-polis-situation-picture-filled-in");
    submit();

    waitForTaskInList(MERGE_AND_PRIORITISE);
    assertThat(taskNames()).containsExactlyInAnyOrder(MERGE_AND_PRIORITISE, HALF_YEAR_FOLLOW_UP,
        PROPOSE_PLAN_CHANGE);
    screenshot("04-kungsbacka-polis-merge-task-in-group-list");

    assertThat(runtimeService.getVariable(cycle.getId(), "policeSituationPicture")).isEqualTo(picture);
    List<Map<String, Object>> entries = jdbc.sql("select source, description, figure, unit, task_id, kpi_id, period "
            + "from situation_entry where agreement_id = :a and cycle_year = 2027 and party = 'POLICE' order by id")
        .param("a", agreementId).query().listOfRows();
    assertThat(entries).hasSize(12);
    assertThat(entries.get(0)).containsEntry("source", "OFFICIAL_STATISTICS").containsEntry("kpi_id", "N07540")
        .containsEntry("period", 2023).containsEntry("task_id", pictureTask.getId());
    assertThat((BigDecimal) entries.get(0).get("figure")).as("corrected").isEqualByComparingTo("5300");
    assertThat(entries.stream().filter(e -> "U07452".equals(e.get("kpi_id")))).as("one removed").hasSize(2);
    assertThat(entries.get(11)).containsEntry("source", "CRIME_STATISTICS").containsEntry("description", entry)
        .containsEntry("unit", "anmälda brott").containsEntry("task_id", pictureTask.getId())
        .containsEntry("kpi_id", null);
    assertThat((BigDecimal) entries.get(11).get("figure")).isEqualByComparingTo("412");
    List<Map<String, Object>> places = jdbc.sql("select name, kind, description, task_id from place "
            + "where agreement_id = :a and cycle_year = 2027 and party = 'POLICE' order by id")
        .param("a", agreementId).query().listOfRows();
    assertThat(places).containsExactly(Map.of("name", place, "kind", "HOT_SPOT", "description", why,
        "task_id", pictureTask.getId()));
    assertThat(jdbc.sql("select latitude || ',' || longitude from place where task_id = :t")
        .param("t", pictureTask.getId()).query(String.class).single()).isEqualTo("57.490500,12.073300");

    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(pictureTask.getId())
        .singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo("kungsbacka.polis");
    Task merge = taskService.createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey("Task_MergeAndPrioritise").singleResult();
    assertThat(merge).isNotNull();
    assertThat(merge.getTenantId()).isEqualTo("kungsbacka");
    assertThat(merge.getAssignee()).isNull();
    Task halfYear = taskService.createTaskQuery().processInstanceBusinessKey(KUNGSBACKA_2026)
        .taskDefinitionKey("Task_HalfYearFollowUp").singleResult();
    Task proposeChange = taskService.createTaskQuery().processInstanceBusinessKey(KUNGSBACKA_2026)
        .taskDefinitionKey("Task_ProposePlanChange").singleResult();
    assertThat(shownTaskIds()).containsExactlyInAnyOrder(merge.getId(), halfYear.getId(), proposeChange.getId());

    // the municipality's page shows the same figures beside the county and the country, and offers a new fetch
    driver.get("http://localhost:" + port + "/oversikt/kommun.html?kommun=kungsbacka&ar=2027");
    wait.until(d -> d.findElements(By.cssSelector("#statistiktabell tbody tr")).size() == 12);
    WebElement first = driver.findElement(By.cssSelector("#statistiktabell tbody tr"));
    assertThat(first.getText().replace('\u00a0', ' ').replace('\u202f', ' ')).contains(
        "Anmälda brott totalt, antal/100 000 inv", "N07540", "2023", "5 000", "5 700", "6 400");
    assertThat(driver.findElement(By.id("statistik-hamta")).isDisplayed()).as("a coordinator may fetch").isTrue();
    scrolledIntoView(driver.findElement(By.id("statistik")));
    screenshot("46-kungsbacka-official-statistics");
    assertThat(HeadlessChromium.pageErrors(driver)).isEmpty();
  }

  @Test
  @Order(2)
  void theKungsbackaPoliceCoordinatorSubmitsTheActionPlanWithThreeActivitiesAfterFixingARefusedDate() {
    ProcessInstance cycle = cycle(KUNGSBACKA_2027);
    String agreementId = agreementId(cycle);
    Task actionPlan = driveToTheActionPlan(cycle);
    assertThat(planVersions(agreementId)).as("no plan for 2027 yet").isZero();
    List<ActivityInput> activities = List.of(
        new ActivityInput("Trygghet i offentlig miljö", "Trygghetsvandring vid Resecentrum",
            "Färre upplever Resecentrum som otryggt", "Kommunen och polisen", "BOTH", "kungsbacka.aktivitet",
            LocalDate.of(2027, 2, 1), LocalDate.of(2027, 5, 31), "Antal åtgärdade brister efter vandringen",
            "Varje halvår", "HALF_YEARLY"),
        new ActivityInput("Trygghet i trafik", "Hastighetskontroller vid högstadieskolorna",
            "Mindre buskörning kring skolorna", "Polisen", "POLICE", "kungsbacka.polis",
            LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30), "Antal kontroller per vecka",
            "Varje månad", "MONTHLY"),
        new ActivityInput("Narkotikaprevention", "Föräldraföreläsning om narkotika i varje kommundel",
            "Föräldrar känner igen tecken på narkotikabruk", "Kommunen", "MUNICIPALITY", "kungsbacka.aktivitet",
            LocalDate.of(2027, 9, 1), LocalDate.of(2028, 6, 30), "Antal deltagande föräldrar",
            null, "QUARTERLY"));
    String promise = "Polisen genomför hastighetskontroller vid högstadieskolorna där föräldrar klagat.";
    String target = "minst 1 per vecka";
    LocalDate endBeforeStart = LocalDate.of(2027, 1, 1);

    logIn("kungsbacka.polis");
    openFilter(MY_GROUPS_TASKS);
    waitForTaskInList(ACTION_PLAN);
    openTask(ACTION_PLAN);
    claimTheOpenTask();
    assertThat(formValue("Kommun")).isEqualTo("Kungsbacka kommun");
    assertThat(formValue("Årets fokusområden")).isEqualTo(String.join(", ", KUNGSBACKA_FOCUS_AREAS));
    screenshot("09-kungsbacka-polis-action-plan-form");

    // three activities: the list starts with one empty row, the other two are added with the list's own button,
    // which Camunda Forms labels "Add new" and our Tasklist script translates for a Swedish browser
    assertThat(addButton(ACTIVITIES).getText().trim()).isEqualTo("Lägg till");
    assertThat(driver.findElement(By.cssSelector(".task-details")).getText()).doesNotContain("Add new");
    while (rows(ACTIVITIES).size() < activities.size()) {
      addRow(ACTIVITIES);
    }
    assertThat(rows(ACTIVITIES)).hasSize(3);
    for (int i = 0; i < activities.size(); i++) {
      ActivityInput a = activities.get(i);
      typeIn(ACTIVITIES, i, "Fokusområde", a.focusArea());
      typeIn(ACTIVITIES, i, "Aktivitet", a.description());
      typeIn(ACTIVITIES, i, "Förväntad effekt", a.expectedEffect());
      choose(ACTIVITIES, i, "Ansvarig part", a.partyLabel());
      typeIn(ACTIVITIES, i, "Ansvarig person (användar-id)", a.person());
      typeDate(ACTIVITIES, i, "Start", a.start());
      typeDate(ACTIVITIES, i, "Slut", i == 1 ? endBeforeStart : a.end());
      typeIn(ACTIVITIES, i, "Uppföljningsindikatorer", a.indicators());
      if (a.intervalLabel() != null) {
        choose(ACTIVITIES, i, "Uppföljningsintervall", a.intervalLabel());
      }
    }
    // last year's promises are carried forward into the form: this year's plan has one promise of its own
    int carriedPromises = rows(PROMISES).size();
    while (!rows(PROMISES).isEmpty()) {
      removeRow(PROMISES, 0);
    }
    addRow(PROMISES);
    typeIn(PROMISES, 0, "Löftet", promise);
    choose(PROMISES, 0, "Vem lovar", "Polisen");
    typeIn(PROMISES, 0, "Mätbart mål", target);
    assertThat(rows(PROMISES)).as("one promise (%d carried forward were removed)", carriedPromises).hasSize(1);
    assertTheFormHolds(activities, 1, endBeforeStart, promise, target);
    fullPageScreenshot("10-kungsbacka-polis-action-plan-three-activities");

    // an expected effect one character past its limit is refused in the form, in Swedish, before anything is sent;
    // at the limit it is accepted; the coordinator then writes what they meant
    int limit = FormLimits.max("actionPlan", "activities.expectedEffect");
    typeIn(ACTIVITIES, 0, "Förväntad effekt", "a".repeat(limit + 1));
    String tooLong = wait.until(d -> fieldError(ACTIVITIES, 0, "Förväntad effekt"));
    assertThat(tooLong)
        .isEqualTo("Högst " + limit + " tecken. Korta texten.");
    scrolledIntoView(fieldIn(ACTIVITIES, 0, "Förväntad effekt"));
    screenshot("25-kungsbacka-polis-over-long-text-refused");
    assertThat(driver.findElement(COMPLETE).isEnabled()).as("Slutför cannot be pressed while a field is refused")
        .isFalse();
    assertThat(taskService.createTaskQuery().taskId(actionPlan.getId()).singleResult())
        .as("the form did not send the over-long text").isNotNull();
    assertThat(planVersions(agreementId)).isZero();
    typeIn(ACTIVITIES, 0, "Förväntad effekt", "a".repeat(limit));
    wait.until(d -> fieldError(ACTIVITIES, 0, "Förväntad effekt") == null);
    wait.until(d -> d.findElement(COMPLETE).isEnabled());
    typeIn(ACTIVITIES, 0, "Förväntad effekt", activities.get(0).expectedEffect());
    assertTheFormHolds(activities, 1, endBeforeStart, promise, target);

    // activity 2 ends before it starts: refused in Swedish, the form stays as typed, nothing is stored
    submit();
    String refusal = wait.until(d -> visibleErrors().stream()
        .filter(error -> error.contains("får inte vara före startdatum")).findFirst().orElse(null));
    fullPageScreenshot("11-kungsbacka-polis-action-plan-refused");
    assertThat(refusal).contains("Aktivitet 2: Slutdatum 2027-01-01 får inte vara före startdatum 2027-03-01");
    assertThat(taskService.createTaskQuery().taskId(actionPlan.getId()).singleResult())
        .as("the refused task is still open").isNotNull();
    assertThat(planVersions(agreementId)).as("nothing stored on refusal").isZero();
    assertThat(jdbc.sql("select count(*) from activity where agreement_id = :a and cycle_year = 2027")
        .param("a", agreementId).query(Integer.class).single()).isZero();
    assertThat(rows(ACTIVITIES)).hasSize(3);
    assertThat(rows(PROMISES)).hasSize(1);
    assertTheFormHolds(activities, 1, endBeforeStart, promise, target);

    // the user closes the message, corrects the date, and the plan goes through
    dismissErrors();
    typeDate(ACTIVITIES, 1, "Slut", activities.get(1).end());
    assertThat(valueIn(ACTIVITIES, 1, "Slut")).isEqualTo(dateAsShown(activities.get(1).end()));
    submit();
    waitForTaskInList(PREPARE_STEERING_GROUP);
    screenshot("12-kungsbacka-polis-after-action-plan");
    assertThat(taskNames()).doesNotContain(ACTION_PLAN);
    assertThat(taskService.createTaskQuery().taskId(actionPlan.getId()).singleResult()).isNull();
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(actionPlan.getId()).singleResult()
        .getAssignee()).isEqualTo("kungsbacka.polis");

    // read back through the API, as the municipality's users will
    Http http = new Http(port);
    JsonNode agreements = http.json("/api/tenants/kungsbacka/agreements", "kungsbacka.polis", "demo");
    assertThat(StreamSupport.stream(agreements.spliterator(), false).map(a -> a.path("id").asText()))
        .contains(agreementId);
    JsonNode plan = http.json("/api/tenants/kungsbacka/agreements/" + agreementId + "/years/2027/plan",
        "kungsbacka.polis", "demo");
    assertThat(plan.path("version").asInt()).isEqualTo(1);
    assertThat(texts(plan.path("versions"))).containsExactly("1");
    assertThat(texts(plan.path("focusAreas"))).containsExactlyElementsOf(KUNGSBACKA_FOCUS_AREAS);
    JsonNode apiActivities = plan.path("activities");
    assertThat(apiActivities).hasSize(3);
    for (int i = 0; i < activities.size(); i++) {
      ActivityInput a = activities.get(i);
      JsonNode read = apiActivities.get(i);
      assertThat(read.path("focusArea").asText()).as("activity %d", i + 1).isEqualTo(a.focusArea());
      assertThat(read.path("description").asText()).as("activity %d", i + 1).isEqualTo(a.description());
      assertThat(read.path("expectedEffect").asText()).as("activity %d", i + 1).isEqualTo(a.expectedEffect());
      assertThat(read.path("responsibleParty").asText()).as("activity %d", i + 1).isEqualTo(a.party());
      assertThat(read.path("responsiblePerson").asText()).as("activity %d", i + 1).isEqualTo(a.person());
      assertThat(read.path("startDate").asText()).as("activity %d", i + 1).isEqualTo(a.start().toString());
      assertThat(read.path("endDate").asText()).as("activity %d", i + 1).isEqualTo(a.end().toString());
      assertThat(read.path("indicators").asText()).as("activity %d", i + 1).isEqualTo(a.indicators());
      assertThat(read.path("followUpInterval").asText()).as("activity %d", i + 1).isEqualTo(a.interval());
    }
    JsonNode apiPromises = plan.path("promises");
    assertThat(apiPromises).hasSize(1);
    assertThat(apiPromises.get(0).path("text").asText()).isEqualTo(promise);
    assertThat(apiPromises.get(0).path("party").asText()).isEqualTo("POLICE");
    assertThat(apiPromises.get(0).path("target").path("count").asInt()).isEqualTo(1);
    assertThat(apiPromises.get(0).path("target").path("period").asText()).isEqualTo("WEEK");
    assertThat(apiPromises.get(0).path("target").path("text").asText()).isEqualTo(target);

    // and the same rows in the tables
    assertThat(jdbc.sql("select version, submitted_by, task_id from plan_version where agreement_id = :a "
            + "and cycle_year = 2027").param("a", agreementId).query().listOfRows())
        .containsExactly(Map.of("version", 1, "submitted_by", "kungsbacka.polis", "task_id", actionPlan.getId()));
    List<Map<String, Object>> activityRows = jdbc.sql("select position, focus_area, description, expected_effect, "
            + "responsible_party, responsible_person, start_date, end_date, indicators, follow_up_interval "
            + "from activity where agreement_id = :a and cycle_year = 2027 and plan_version = 1 order by position")
        .param("a", agreementId).query().listOfRows();
    List<Map<String, Object>> expectedRows = new ArrayList<>();
    for (int i = 0; i < activities.size(); i++) {
      ActivityInput a = activities.get(i);
      Map<String, Object> row = new HashMap<>();
      row.put("position", i);
      row.put("focus_area", a.focusArea());
      row.put("description", a.description());
      row.put("expected_effect", a.expectedEffect());
      row.put("responsible_party", a.party());
      row.put("responsible_person", a.person());
      row.put("start_date", java.sql.Date.valueOf(a.start()));
      row.put("end_date", java.sql.Date.valueOf(a.end()));
      row.put("indicators", a.indicators());
      row.put("follow_up_interval", a.interval());
      expectedRows.add(row);
    }
    assertThat(activityRows).containsExactlyElementsOf(expectedRows);
    assertThat(jdbc.sql("select text, party, target_count, target_period, target_text from citizen_promise "
            + "where agreement_id = :a and cycle_year = 2027 and plan_version = 1 order by position")
        .param("a", agreementId).query().listOfRows())
        .containsExactly(Map.of("text", promise, "party", "POLICE", "target_count", 1, "target_period", "WEEK",
            "target_text", target));
    assertThat(PLAN_SUMMARY.of(runtimeService.getVariable(cycle.getId(), PLAN_SUMMARY.name())))
        .contains(activities.stream().map(ActivityInput::description).toArray(String[]::new))
        .contains("[" + target + "]");
  }

  @Test
  @Order(3)
  void theKavlingePoliceCoordinatorSeesOnlyKavlingeTasksAndNoneOfKungsbackas() {
    List<String> kavlingeGroupTasks = taskService.createTaskQuery().tenantIdIn("kavlinge")
        .taskCandidateGroup("police-coordinator").list().stream().map(Task::getId).toList();
    List<String> kungsbackaTasks = taskService.createTaskQuery().tenantIdIn("kungsbacka").list().stream()
        .map(Task::getId).toList();
    assertThat(kungsbackaTasks).isNotEmpty();

    logIn("kavlinge.polis");
    openFilter(MY_GROUPS_TASKS);
    screenshot("05-kavlinge-polis-group-tasks");

    assertThat(shownTaskIds()).containsExactlyInAnyOrderElementsOf(kavlingeGroupTasks)
        .doesNotContainAnyElementsOf(kungsbackaTasks);
    assertThat(taskNames()).doesNotContain(POLICE_PICTURE, MERGE_AND_PRIORITISE);
  }

  @Test
  @Order(4)
  void aKavlingeUserWhoFollowsALinkToAKungsbackaTaskGetsNeitherTheTaskNorItsForm() {
    Task kungsbackaTask = taskService.createTaskQuery().tenantIdIn("kungsbacka").orderByTaskCreateTime().asc()
        .list().get(0);

    logIn("kavlinge.polis");
    driver.get(tasklist() + "#/?task=" + kungsbackaTask.getId());
    wait.until(d -> !visibleErrors().isEmpty());
    screenshot("06-kavlinge-polis-opens-kungsbacka-task-link");

    assertThat(visibleErrors())
        .anyMatch(error -> error.contains("No matching task with id " + kungsbackaTask.getId()));
    assertThat(driver.findElements(By.cssSelector(".fjs-container"))).isEmpty();
    assertThat(driver.findElement(By.cssSelector(".task-details")).getText())
        .doesNotContain(kungsbackaTask.getName(), "Kungsbacka");
  }

  @Test
  @Order(5)
  void theKavlingePoliceSteeringMemberSeesTheirDecisionTaskWithThePlanInTheSwedishForm() {
    ProcessInstance cycle = cycle(KAVLINGE_2027);
    List<String> groupTasks = taskService.createTaskQuery().tenantIdIn("kavlinge")
        .taskCandidateGroup("police-steering").list().stream().map(Task::getId).toList();
    String planSummary = PLAN_SUMMARY.of(runtimeService.getVariable(cycle.getId(), PLAN_SUMMARY.name()));
    String planChanges = PLAN_CHANGES.of(runtimeService.getVariable(cycle.getId(), PLAN_CHANGES.name()));
    assertThat(planSummary).as("the returned and revised plan").contains("version 2");
    assertThat(planChanges).as("what changed after the return").isNotBlank();

    logIn("kavlinge.lpo");
    openFilter(MY_GROUPS_TASKS);
    waitForTaskInList(POLICE_STEERING_DECISION);
    screenshot("07-kavlinge-lpo-group-tasks");
    assertThat(shownTaskIds()).containsExactlyInAnyOrderElementsOf(groupTasks);

    openTask(POLICE_STEERING_DECISION);
    assertThat(formValue("Kommun")).isEqualTo("Kävlinge kommun");
    assertThat(formValue("Åtgärdsplan och förslag till medborgarlöften")).isEqualTo(planSummary);
    assertThat(formValue("Ändringar sedan förra omgången")).isEqualTo(planChanges);
    assertThat(formValue("Tidigare omgångars kommentarer")).isNotBlank()
        .isEqualTo(STEERING_COMMENTS.of(runtimeService.getVariable(cycle.getId(), STEERING_COMMENTS.name())));
    formInput("Ditt beslut");
    assertThat(driver.findElement(By.cssSelector(".task-details")).getText())
        .contains("Godkänn planen", "Återremittera till samordnarna");
    screenshot("08-kavlinge-lpo-steering-decision-form");
  }

  @Test
  @Order(6)
  void theKungsbackaPoliceCoordinatorReportsOnTheTrafficControlsAndRecordsAControlHeld() {
    Task followUp = taskService.createTaskQuery().processInstanceBusinessKey(KUNGSBACKA_2026)
        .taskDefinitionKey("Task_FollowUpActivity").taskAssignee("kungsbacka.polis").singleResult();
    assertThat(followUp).as("the demo leaves the latest monthly follow-up open").isNotNull();
    long activityId = ((Number) taskService.getVariable(followUp.getId(), "activityId")).longValue();
    LocalDate controlHeld = engineClock.today().minusDays(2);

    logIn("kungsbacka.polis");
    openFilter("Mina uppgifter");
    openTask(followUp.getName());
    assertThat(formValue("Aktivitet")).isEqualTo("Trafikkontroller där trafikklagomål från medborgare har kommit in");
    assertThat(formValue("Status i dag enligt planens datum")).isEqualTo("● Pågående");
    assertThat(formValue("Förra rapporten")).contains("Kontrollerna görs där klagomålen har kommit in");
    chooseIn(formField("Status"), "Pågående med avvikelse");
    typeInto("Kommentar", "Två kontroller ställdes in när patrullen behövdes på annat håll.");
    addRow(OCCURRENCES);
    choose(OCCURRENCES, 0, "Medborgarlöfte",
        "1. Polisen genomför trafikkontroller där trafikklagomål från medborgare har kommit in.");
    typeDate(OCCURRENCES, 0, "Datum", controlHeld);
    typeIn(OCCURRENCES, 0, "Anteckning", "Kontroll vid Åsaskolan");
    fullPageScreenshot("13-kungsbacka-polis-activity-follow-up");
    submit();
    wait.until(d -> taskService.createTaskQuery().taskId(followUp.getId()).count() == 0);

    assertThat(jdbc.sql("select status || ': ' || comment from activity_report where activity_id = :id "
            + "order by id desc limit 1").param("id", activityId).query(String.class).single())
        .isEqualTo("ONGOING_WITH_DEVIATION: Två kontroller ställdes in när patrullen behövdes på annat håll.");
    assertThat(jdbc.sql("select count(*) from promise_occurrence where occurred_on = :day and note = :note "
            + "and recorded_by = 'kungsbacka.polis'").param("day", controlHeld)
        .param("note", "Kontroll vid Åsaskolan").query(Integer.class).single()).isEqualTo(1);
    // what the form showed was read from the plan: none of it was stored, nor submitted back into the cycle
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(followUp.getProcessInstanceId())
        .variableNameIn("activityDescription", "activityDetails", "currentStatus", "previousReport", "promiseOptions")
        .count()).isZero();
  }

  @Test
  @Order(7)
  void theKavlingeSteeringGroupSeesTheCompiledStatusOfActivitiesAndPromisesInItsHalfYearTask() {
    logIn("kavlinge.samordnare");
    openFilter(MY_GROUPS_TASKS);
    openTask("Styrgruppens halvårsuppföljning");
    By activityTable = By.xpath("//*[contains(@class,'task-details')]//div[contains(@class,'fjs-form-field-table')]"
        + "[label[normalize-space(text())='Aktiviteter']]");
    WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(activityTable));
    wait.until(d -> d.findElement(activityTable).findElements(By.cssSelector("tbody tr")).size() >= 4);
    assertThat(table.getText()).contains("Trygghetsdagarna för elever i årskurs sju", "● Pågående",
        "Utveckla samverkan inom SIG");
    By promiseTable = By.xpath("//*[contains(@class,'task-details')]//div[contains(@class,'fjs-form-field-table')]"
        + "[label[normalize-space(text())='Medborgarlöften']]");
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(promiseTable)).getText())
        .contains("Polisen och kommunen genomför trygghetsdagarna för alla elever i årskurs sju.", "minst 1 per år");
    fullPageScreenshot("14-kavlinge-samordnare-half-year-follow-up");
  }

  /**
   * Issue 15 end to end: Kungsbacka's municipal coordinator proposes a change to the running plan of 2026 in
   * Tasklist (new dates for one activity, a new activity), both steering-group members approve it in their own
   * Tasklist, and the municipality's overview page lists the change and shows the activity as now planned.
   */
  @Test
  @Order(9)
  void theCoordinatorsProposeAPlanChangeInTasklistTheSteeringGroupApprovesItAndTheOverviewShowsIt() {
    ProcessInstance cycle = cycle(KUNGSBACKA_2026);
    String lighting = "Trygghetsskapande belysning och beskärning av buskage";
    String cameras = "Kamerabevakning vid Kungsbacka resecentrum efter rånen i oktober";
    Task propose = singleTask(cycle, "Task_ProposePlanChange");
    assertThat(propose.getDueDate()).isNull();

    logIn("kungsbacka.samordnare");
    openFilter(MY_GROUPS_TASKS);
    openTask(PROPOSE_PLAN_CHANGE);
    claimTheOpenTask();
    assertThat(formValue("Årets beslutade plan just nu")).contains(lighting);
    assertThat(rows(CHANGED_ACTIVITIES)).as("no rows until the coordinator adds one").isEmpty();
    typeInto("Skäl till ändringen", "Rånen vid resecentrum i oktober; belysningen hinner inte klart före jul.");
    addRow(CHANGED_ACTIVITIES);
    String option = fieldContainer(CHANGED_ACTIVITIES, 0, "Aktivitet").findElement(By.cssSelector(
        ".fjs-select-display")).getText();
    assertThat(option).as("nothing chosen yet").doesNotContain(lighting);
    chooseStartingWith(CHANGED_ACTIVITIES, 0, "Aktivitet", lighting);
    choose(CHANGED_ACTIVITIES, 0, "Ändring", "Nya start- och slutdatum");
    typeDate(CHANGED_ACTIVITIES, 0, "Nytt startdatum", LocalDate.of(2026, 3, 1));
    typeDate(CHANGED_ACTIVITIES, 0, "Nytt slutdatum", LocalDate.of(2026, 12, 31));
    addRow(NEW_ACTIVITIES);
    typeIn(NEW_ACTIVITIES, 0, "Fokusområde", "Trygghet i offentlig miljö");
    typeIn(NEW_ACTIVITIES, 0, "Aktivitet", cameras);
    typeIn(NEW_ACTIVITIES, 0, "Förväntad effekt", "Färre rån och större trygghet vid resecentrum");
    choose(NEW_ACTIVITIES, 0, "Ansvarig part", "Polisen");
    typeIn(NEW_ACTIVITIES, 0, "Ansvarig person (användar-id)", "kungsbacka.polis");
    typeDate(NEW_ACTIVITIES, 0, "Start", LocalDate.of(2026, 12, 1));
    typeDate(NEW_ACTIVITIES, 0, "Slut", LocalDate.of(2026, 12, 31));
    typeIn(NEW_ACTIVITIES, 0, "Uppföljningsindikatorer", "Antal anmälda rån vid resecentrum");
    fullPageScreenshot("40-kungsbacka-samordnare-proposes-plan-change");
    submit();
    wait.until(d -> taskService.createTaskQuery().taskId(propose.getId()).count() == 0);

    List<Task> decisions = taskService.createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKeyIn("Task_PolicePlanChangeDecision", "Task_MunicipalPlanChangeDecision").list();
    assertThat(decisions).hasSize(2);
    for (String[] member : new String[][] {{"kungsbacka.lpo", "Task_PolicePlanChangeDecision"},
        {"kungsbacka.kd", "Task_MunicipalPlanChangeDecision"}}) {
      Task decision = decisions.stream().filter(t -> t.getTaskDefinitionKey().equals(member[1])).findFirst()
          .orElseThrow();
      driver.manage().deleteAllCookies();
      logIn(member[0]);
      openFilter(MY_GROUPS_TASKS);
      openTask(decision.getName());
      claimTheOpenTask();
      assertThat(formValue("Föreslagen ändring mot den beslutade planen")).contains(
          "Skäl: Rånen vid resecentrum i oktober", "- Nya datum: " + lighting + " (2026-03-01–2026-12-31)",
          "- Ny aktivitet: " + cameras);
      chooseRadio("Godkänn ändringen");
      if (member[0].equals("kungsbacka.lpo")) {
        fullPageScreenshot("41-kungsbacka-lpo-approves-plan-change");
      }
      submit();
      wait.until(d -> taskService.createTaskQuery().taskId(decision.getId()).count() == 0);
    }

    wait.until(d -> taskService.createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey("Task_ProposePlanChange").count() == 1);
    driver.manage().deleteAllCookies();
    logIn("kungsbacka.ledning");
    driver.get("http://localhost:" + port + "/oversikt/kommun.html?kommun=kungsbacka&ar=2026");
    By change = By.cssSelector("#andringslista li.change-approved");
    WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(change));
    assertThat(shown.getText()).contains("Ändring 1, föreslagen", "Godkänd", "av styrgruppen",
        "Skäl: Rånen vid resecentrum", "Ny aktivitet: " + cameras, "Kommunen godkände", "Polisen godkände",
        "av Brå-samordnare Kungsbacka");
    String activities = driver.findElement(By.id("aktivitetslista")).getText();
    assertThat(activities).contains(cameras, "Tillagd genom ändring 1", "Nya datum 2026-03-01–2026-12-31 genom ändring 1");
    scrolledIntoView(driver.findElement(By.id("andringar")));
    screenshot("42-kungsbacka-overview-plan-change");
    assertThat(HeadlessChromium.pageErrors(driver)).isEmpty();
  }

  /**
   * Issue 16: Kungsbacka's public page of promises, read without logging in, with the keyboard alone, and measured
   * with axe-core against WCAG 2.1 A and AA: no serious or critical violation, and none on the managers' overview
   * pages or the yearly report's web version either. Camunda's web applications are measured on demand
   * ({@code -Daxe.camunda=true}); their figures are printed ("AxeReport"), not held to the bar: the product does not
   * patch them.
   */
  @Test
  @Order(10)
  void anyoneReadsKungsbackasPublicPromisesWithAKeyboardAndThePageMeetsWcag21AA() {
    driver.get("http://localhost:" + port + "/offentlig/kungsbacka");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Medborgarlöften 2026"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Medborgarlöften 2026 – Kungsbacka kommun");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Så hålls löftet",
        "Polisen genomför trafikkontroller där trafikklagomål från medborgare har kommit in");
    fullPageScreenshot("43-kungsbacka-public-page");
    List<String> violations = Axe.violations(driver);
    System.out.println("AxeReport: /offentlig/kungsbacka " + Axe.countsByImpact(violations) + " " + violations);
    assertThat(Axe.seriousOrCritical(driver)).as("serious or critical WCAG 2.1 AA violations").isEmpty();

    // the keyboard alone: the first Tab offers the skip link, which leads into the content; then every link
    List<String> focused = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
      WebElement active = driver.switchTo().activeElement();
      focused.add(active.getText().trim());
      if (i == 0) {
        assertThat(active.getText()).isEqualTo("Till innehållet");
        assertThat(active.isDisplayed()).as("the skip link shows when it has focus").isTrue();
        active.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("#innehall"));
      }
    }
    assertThat(focused).contains("Till innehållet", "2025", "Löftena som öppna data (JSON)");

    // the managers' pages behind the login are held to the same bar; Camunda's web applications and the yearly
    // report's web version are measured for the figures
    logIn("kungsbacka.ledning");
    String report = "/api/tenants/kungsbacka/agreements/" + agreementId(cycle(KUNGSBACKA_2026)) + "/years/2025/"
        + "report.html";
    Map<String, List<String>> serious = new java.util.LinkedHashMap<>();
    List<String> pages = new ArrayList<>(List.of("/oversikt/index.html", "/oversikt/kommun.html?kommun=kungsbacka",
        report));
    // Camunda's applications take a minute of axe-core's time and are not held to the bar: measured on demand,
    // mvn test -Dtest=TasklistBrowserTest -Daxe.camunda=true (the figures are in the closing notes)
    if (Boolean.getBoolean("axe.camunda")) {
      pages.addAll(List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/"));
    }
    for (String page : pages) {
      driver.get("http://localhost:" + port + page);
      pause(Duration.ofSeconds(3));
      List<String> found = Axe.violations(driver);
      System.out.println("AxeReport: " + page + " " + Axe.countsByImpact(found) + " " + found);
      serious.put(page, found.stream().filter(v -> v.startsWith("serious ") || v.startsWith("critical ")).toList());
    }
    assertThat(serious.get("/oversikt/index.html")).isEmpty();
    assertThat(serious.get("/oversikt/kommun.html?kommun=kungsbacka")).isEmpty();
    assertThat(serious.get(report)).as("the yearly report's web version").isEmpty();
  }

  /**
   * Issue 16: the coordinators see on the municipality's page that the year is public, withdraw it and publish it
   * again with a button, and anyone opens the signed promise document from the public page; the document meets the
   * same accessibility bar.
   */
  /**
   * The list was shown before the other coordinator took the task: the claim is refused in Swedish, with what to do,
   * instead of the engine's English 500 ("Task ... is already claimed by someone else").
   */
  @Test
  @Order(13)
  void aCoordinatorWhoClaimsATaskTheOtherTookSinceTheListWasShownIsToldInSwedish() {
    Task halfYear = taskService.createTaskQuery().tenantIdIn("kungsbacka").taskDefinitionKey("Task_HalfYearFollowUp")
        .singleResult();
    assertThat(halfYear.getAssignee()).as("the demo leaves the half-year follow-up to the group").isNull();
    try {
      logIn("kungsbacka.polis");
      openFilter(MY_GROUPS_TASKS);
      openTask(HALF_YEAR_FOLLOW_UP);
      By claim = By.cssSelector(".task-details button.claim");
      wait.until(ExpectedConditions.elementToBeClickable(claim));
      taskService.claim(halfYear.getId(), "kungsbacka.samordnare");

      driver.findElement(claim).click();
      String refusal = wait.until(d -> visibleErrors().stream()
          .filter(error -> error.contains("Någon annan har redan tagit uppgiften")).findFirst().orElse(null));
      screenshot("27-kungsbacka-polis-claims-a-task-already-taken");

      assertThat(refusal).contains("Ladda om listan för att se vem.").doesNotContain("claimed", "Task");
      assertThat(taskService.createTaskQuery().taskId(halfYear.getId()).singleResult().getAssignee())
          .isEqualTo("kungsbacka.samordnare");
    } finally {
      // the group's task again, as the demo left it, for whatever runs after
      taskService.setAssignee(halfYear.getId(), null);
    }
  }

  @Test
  @Order(12)
  void theCoordinatorsWithdrawAndRepublishTheYearFromTheOverviewAndAnyoneReadsTheSignedDocument() {
    logIn("kungsbacka.samordnare");
    driver.get("http://localhost:" + port + "/oversikt/kommun.html?kommun=kungsbacka&ar=2026");
    WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publicering-status")));
    wait.until(ExpectedConditions.textToBePresentInElement(status, "visas på kommunens offentliga sida"));
    WebElement yearButton = driver.findElement(By.id("publicering-ar"));
    assertThat(yearButton.getText()).isEqualTo("Ta bort 2026 från den offentliga sidan");
    assertThat(driver.findElement(By.id("publicering-lankar")).getText()).contains("Den offentliga sidan för 2026",
        "PDF", "Webbsida");

    yearButton.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("publicering-meddelande"),
        "borttagna från den offentliga sidan"));
    assertThat(status.getText()).contains("togs bort från den offentliga sidan", "kungsbacka.samordnare");
    assertThat(new se.tryggsamverkan.support.Http(port).get("/offentlig/kungsbacka/2026", null, null).statusCode())
        .as("withdrawn").isEqualTo(404);
    scrolledIntoView(driver.findElement(By.id("publicering")));
    screenshot("44-kungsbacka-promises-withdrawn");
    assertThat(yearButton.getText()).isEqualTo("Publicera 2026 på den offentliga sidan");
    yearButton.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("publicering-meddelande"),
        "publicerade igen"));
    assertThat(new se.tryggsamverkan.support.Http(port).get("/offentlig/kungsbacka/2026", null, null).statusCode())
        .isEqualTo(200);
    assertThat(HeadlessChromium.pageErrors(driver)).isEmpty();

    driver.manage().deleteAllCookies();
    driver.get("http://localhost:" + port + "/offentlig/kungsbacka/2026");
    driver.findElement(By.linkText("som webbsida")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Medborgarlöften 2026"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Bakgrund", "Våra medborgarlöften 2026",
        "Underskrifter");
    fullPageScreenshot("45-kungsbacka-signed-promises");
    List<String> violations = Axe.violations(driver);
    System.out.println("AxeReport: /offentlig/kungsbacka/2026/medborgarloften.html " + Axe.countsByImpact(violations)
        + " " + violations);
    assertThat(Axe.seriousOrCritical(driver)).as("serious or critical WCAG 2.1 AA violations").isEmpty();
  }

  @Test
  @Order(8)
  void theYearlyReportOpensFromTheBrowserForTheMunicipalityAndForNoOtherMunicipality() {
    String agreementId = agreementId(cycle(KUNGSBACKA_2026));
    String report = "http://localhost:" + port + "/api/tenants/kungsbacka/agreements/" + agreementId
        + "/years/2025/report.html";

    logIn("kungsbacka.samordnare");
    driver.get(report);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Uppföljning 2025"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Innehållsförteckning",
        "Trafikkontroller där trafikklagomål från medborgare har kommit in", "Hållet");
    fullPageScreenshot("15-kungsbacka-yearly-report-2025");

    driver.manage().deleteAllCookies();
    logIn("kavlinge.samordnare");
    driver.get(report);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Du har inte behörighet till kommunen kungsbacka"));
    assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Uppföljning 2025");
  }

  /** Tasklist in Swedish for a browser that asks for Swedish: labels, dates, buttons and Camunda's notice. */
  @Test
  @Order(9)
  void aUserWhoseBrowserAsksForSwedishSeesTasklistInSwedish() {
    List<Task> decisions = taskService.createTaskQuery().tenantIdIn("kavlinge").taskCandidateGroup("police-steering")
        .taskName(POLICE_STEERING_DECISION).list();
    assertThat(decisions).as("the demo leaves Kävlinge's police steering decision open").isNotEmpty();

    // the login page: Swedish before anyone is known
    driver.get(tasklist());
    By signIn = By.cssSelector(".form-signin");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(signIn, "Logga in"));
    assertThat(driver.findElement(By.cssSelector(".form-signin input[ng-model='username']"))
        .getDomAttribute("placeholder")).isEqualTo("Användarnamn");
    assertThat(driver.findElement(By.cssSelector(".form-signin input[ng-model='password']"))
        .getDomAttribute("placeholder")).isEqualTo("Lösenord");

    logIn("kavlinge.lpo");
    openFilter(MY_GROUPS_TASKS);
    WebElement card = waitForTaskInList(POLICE_STEERING_DECISION);
    // the card's dates in Swedish words: "Förfaller om 24 dagar", "Skapad för 3 minuter sedan"
    assertThat(card.findElement(By.cssSelector(".creation-date")).getText()).startsWith("Skapad").contains("sedan");
    assertThat(card.getText()).contains("Förfaller om ");
    WebElement sorting = driver.findElement(By.cssSelector("[cam-sorting-choices]"));
    assertThat(sorting.findElement(By.cssSelector(".sort-by")).getText()).isEqualTo("Skapad");
    // Tasklist shows its "Sort by" label on wide screens only
    assertThat(sorting.findElement(By.cssSelector(".sorting-label")).getDomProperty("textContent"))
        .isEqualTo("Sortera efter");
    assertThat(sorting.findElement(By.cssSelector(".sort-direction")).getDomAttribute("uib-tooltip"))
        .isIn("Fallande", "Stigande");
    assertThat(navigationText()).contains("Kortkommandon", "Skapa uppgift", "Starta process");

    openTask(POLICE_STEERING_DECISION);
    WebElement details = driver.findElement(By.cssSelector(".task-details"));
    By claim = By.cssSelector(".task-details button.claim");
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(claim)).getText()).isEqualTo("Ta uppgiften");
    assertThat(details.findElements(By.cssSelector(".nav-tabs li a")).stream().map(WebElement::getText).toList())
        .containsExactly("Formulär", "Historik", "Diagram", "Beskrivning");
    assertThat(details.getText()).contains("Ange uppföljningsdatum");
    formInput("Ditt beslut");
    screenshot("16-tasklist-in-swedish");

    // taking the task (Complete and Save show) and letting it go again
    String taskId = driver.getCurrentUrl().replaceAll(".*task=([^&]+).*", "$1");
    try {
      claimTheOpenTask();
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("kavlinge.lpo");
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(COMPLETE)).getText()).isEqualTo("Slutför");
      assertThat(driver.findElement(By.cssSelector(".task-details button[ng-click='save($event)']")).getText())
          .isEqualTo("Spara");
      WebElement unclaim = wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector(".task-details button.unclaim")));
      assertThat(unclaim.getDomAttribute("uib-tooltip")).isEqualTo("Släpp uppgiften");
      unclaim.click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(claim));
      wait.until(d -> taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee() == null);
    } finally {
      // the task is the group's again, also when an assertion above failed
      taskService.setAssignee(taskId, null);
    }

    String page = driver.findElement(By.tagName("body")).getText();
    assertThat(page).contains("Det är dags att migrera till Camunda 8", "Datum och tider visas i lokal tidszon");
    WebElement banner = driver.findElement(By.cssSelector(".ce-eol-banner"));
    assertThat(banner.getText()).isEqualTo("Det är dags att migrera till Camunda 8. Den sista versionen av Camunda 7 CE "
        + "släpptes i oktober 2025. Läs gärna vår migreringsguide.");
    assertThat(banner.findElement(By.tagName("a")).getDomAttribute("href"))
        .startsWith("https://docs.camunda.io/docs/guides/migrating-from-camunda-7/");
    assertNoRawTranslationKeys(page);
    assertThat(page).doesNotContain("Claim", "Complete", "Sort by", "Created", "Log out", "It is time to migrate");
  }

  /**
   * English for a browser that asks for English; in the Swedish browser Cockpit, Admin and the welcome page speak
   * Swedish, and a label that Cockpit's sv.json leaves out (the footer's "Powered by") falls back to English.
   */
  @Test
  @Order(10)
  void aBrowserAskingForEnglishGetsEnglishAndCockpitFallsBackToEnglishWhereItHasNoSwedish() throws IOException {
    // a second browser, whose user asks for English
    WebDriver swedish = driver;
    WebDriverWait swedishWait = wait;
    Path englishProfile = Files.createTempDirectory("tasklist-chromium-en");
    driver = HeadlessChromium.start("en-US", englishProfile);
    wait = HeadlessChromium.waitFor(driver);
    try {
      logIn("kavlinge.lpo");
      openFilter(MY_GROUPS_TASKS);
      WebElement card = waitForTaskInList(POLICE_STEERING_DECISION);
      assertThat(card.findElement(By.cssSelector(".creation-date")).getText()).startsWith("Created").contains("ago");
      WebElement sorting = driver.findElement(By.cssSelector("[cam-sorting-choices]"));
      assertThat(sorting.findElement(By.cssSelector(".sort-by")).getText()).isEqualTo("Created");
      assertThat(sorting.findElement(By.cssSelector(".sorting-label")).getDomProperty("textContent"))
          .isEqualTo("Sort by");
      openTask(POLICE_STEERING_DECISION);
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details button.claim")))
          .getText()).isEqualTo("Claim");
      assertThat(driver.findElements(By.cssSelector(".task-details .nav-tabs li a")).stream()
          .map(WebElement::getText).toList()).containsExactly("Form", "History", "Diagram", "Description");
      formInput("Ditt beslut");
      assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE)).getDomProperty("textContent"))
          .isEqualToIgnoringWhitespace("Complete");
      String page = driver.findElement(By.tagName("body")).getText();
      assertThat(page).contains("It is time to migrate to Camunda 8", "Keyboard Shortcuts");
      assertThat(page).doesNotContain("Ta uppgiften", "Slutför", "Sortera efter", "Skapad");
      assertNoRawTranslationKeys(page);
    } finally {
      driver.quit();
      driver = swedish;
      wait = swedishWait;
      HeadlessChromium.deleteProfile(englishProfile);
    }

    // Cockpit in the Swedish browser: Swedish where cockpit's sv.json has a text, English where it has none
    logInTo("cockpit", "admin", "admin");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Körande processinstanser"));
    String page = driver.findElement(By.tagName("body")).getText();
    assertThat(page).contains("Just nu", "Körande processinstanser", "Öppna incidenter", "Öppna användaruppgifter",
        "Driftsatt", "Processdefinitioner", "Beslutsdefinitioner", "Driftsättningar");
    assertThat(navigationText()).contains("Processer", "Beslut", "Användaruppgifter", "Mer");
    // Batches and Deployments are in the "Mer" menu
    assertThat(driver.findElement(By.cssSelector("[cam-widget-header]")).getDomProperty("textContent"))
        .contains("Batchar", "Driftsättningar");
    assertThat(page).contains("Det är dags att migrera till Camunda 8");
    // the footer's vendor credit is deliberately left out of cockpit's sv.json: it shows Camunda's English text
    assertThat(driver.findElement(By.cssSelector("footer")).getText()).contains("Powered by")
        .contains("Datum och tider visas i lokal tidszon");
    assertNoRawTranslationKeys(page);
    screenshot("17-cockpit-in-swedish");

    // the list of processes
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Körande instanser"));
    String processes = driver.findElement(By.tagName("body")).getText();
    assertThat(processes).contains("processdefinitioner driftsatta", "Lista", "Förhandsvisningar", "Incidenter",
        "Namn", "Klientorganisations-ID");
    assertNoRawTranslationKeys(processes);

    // Admin and the welcome page, in the same session
    driver.get("http://localhost:" + port + "/camunda/app/admin/default/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Klientorganisationer"));
    String admin = driver.findElement(By.tagName("body")).getText();
    assertThat(admin).contains("Användare", "Grupper", "Klientorganisationer", "Behörigheter", "System");
    assertNoRawTranslationKeys(admin);
    driver.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Applikationer"));
    assertNoRawTranslationKeys(driver.findElement(By.tagName("body")).getText());
  }

  /** No label is shown by its translation key (BANNER_CE_EOL_TEXT, CLAIM_TASK, ...): every key has a text. */
  private static void assertNoRawTranslationKeys(String page) {
    assertThat(java.util.regex.Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b").matcher(page).results()
        .map(java.util.regex.MatchResult::group).toList()).as("raw translation keys on the page").isEmpty();
  }

  /** The text of the webapp's top navigation (its own links and the user's menu). */
  private String navigationText() {
    return driver.findElement(By.cssSelector("[cam-widget-header]")).getText();
  }

  /**
   * A plan of real size, sent back by the steering group, comes back whole: Kungsbacka's twelve published promises
   * of 2021–2022 (seed 000, at full length) as twelve activities, the first eight as promises. Tasklist showed only
   * five rows of a list and submitted only what it showed, so a returned plan lost every row beyond the fifth.
   * The coordinator opens the returned plan and completes it without expanding or touching anything.
   */
  @Test
  @Order(11)
  void aReturnedPlanOfTwelveActivitiesAndEightPromisesIsResubmittedWholeWithoutExpandingAnything() throws Exception {
    ProcessInstance cycle = cycle(KUNGSBACKA_2027);
    String agreementId = agreementId(cycle);
    List<SeedPromise> seed = kungsbackasPublishedPromises();
    assertThat(seed).hasSize(12);
    returnThePlan(cycle, "Planen behöver ses över en gång till.");
    Task first = singleTask(cycle, "Task_ActionPlan");
    taskService.complete(first.getId(), realSizePlan(seed));
    returnThePlan(cycle, "Styrgruppen vill se planen en gång till innan beslut.");
    Task returned = singleTask(cycle, "Task_ActionPlan");
    int before = planVersions(agreementId);

    logIn("kungsbacka.polis");
    openFilter(MY_GROUPS_TASKS);
    openTask(ACTION_PLAN);
    claimTheOpenTask();
    assertThat(rows(ACTIVITIES)).as("every activity shown").hasSize(12);
    assertThat(rows(PROMISES)).as("every promise shown").hasSize(8);
    assertThat(driver.findElement(By.cssSelector(".task-details")).getText()).doesNotContain("Expand all")
        .doesNotContain("Visa alla").contains("Lägg till");
    fullPageScreenshot("24-kungsbacka-polis-returned-plan-twelve-activities");
    submit();
    wait.until(d -> taskService.createTaskQuery().taskId(returned.getId()).count() == 0);

    assertThat(planVersions(agreementId)).isEqualTo(before + 1);
    JsonNode plan = new Http(port).json("/api/tenants/kungsbacka/agreements/" + agreementId + "/years/2027/plan",
        "kungsbacka.polis", "demo");
    assertThat(plan.path("version").asInt()).isEqualTo(before + 1);
    assertThat(texts(plan.path("changes"))).as("nothing changed from the version the steering group returned")
        .isEmpty();
    assertThat(StreamSupport.stream(plan.path("activities").spliterator(), false)
        .map(a -> a.path("description").asText()).toList())
        .containsExactlyElementsOf(seed.stream().map(SeedPromise::text).toList());
    assertThat(StreamSupport.stream(plan.path("promises").spliterator(), false).map(a -> a.path("text").asText())
        .toList()).containsExactlyElementsOf(seed.stream().limit(8).map(SeedPromise::text).toList());
    assertThat(PLAN_SUMMARY.of(runtimeService.getVariable(cycle.getId(), PLAN_SUMMARY.name())))
        .as("the whole plan for the steering group, past the engine's 4,000 characters for a string")
        .hasSizeGreaterThan(4000).contains(seed.get(11).text());
    assertThat(PLAN_CHANGES.of(runtimeService.getVariable(cycle.getId(), PLAN_CHANGES.name())))
        .contains("Inga ändringar");
  }

  /** A promise as Kungsbacka published it: its focus area and its text. */
  private record SeedPromise(String focusArea, String text) {
    String party() {
      boolean police = text.startsWith("Polisen") || text.startsWith("Polisens");
      boolean municipality = text.startsWith("Kungsbacka kommun lovar att fortsätta")
          || text.startsWith("Kommunen lovar");
      return police ? "POLICE" : municipality ? "MUNICIPALITY" : "BOTH";
    }

    String person() {
      return switch (party()) {
        case "POLICE" -> "kungsbacka.polis";
        case "MUNICIPALITY" -> "kungsbacka.samordnare";
        default -> "kungsbacka.aktivitet";
      };
    }
  }

  /** The bullets under each focus area of Kungsbacka's published promises 2021–2022. */
  private static List<SeedPromise> kungsbackasPublishedPromises() throws IOException {
    List<SeedPromise> promises = new ArrayList<>();
    String area = null;
    try (var in = TasklistBrowserTest.class.getResourceAsStream("/seeds/kungsbacka-medborgarloften-2021-2022.txt")) {
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (KUNGSBACKA_FOCUS_AREAS.contains(line.trim())) {
          area = line.trim();
        } else if (line.startsWith(" • ") && area != null) {
          promises.add(new SeedPromise(area, line.substring(3).trim()));
        }
      }
    }
    return promises;
  }

  private Map<String, Object> realSizePlan(List<SeedPromise> seed) {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var activities = json.createArrayNode();
    for (SeedPromise p : seed) {
      activities.addObject().put("focusArea", p.focusArea()).put("description", p.text())
          .put("expectedEffect", "Ökad trygghet och minskad brottslighet inom " + p.focusArea().toLowerCase())
          .put("responsibleParty", p.party()).put("responsiblePerson", p.person())
          .put("startDate", "2027-01-01").put("endDate", "2027-12-31")
          .put("indicators", "Genomfört enligt löftet; uppföljning i styrgruppen").put("followUpInterval", "QUARTERLY");
    }
    var promises = json.createArrayNode();
    seed.stream().limit(8).forEach(p -> promises.addObject().put("text", p.text()).put("party", p.party())
        .put("target", "minst 1 per år"));
    return Map.of("activities", SpinValues.jsonValue(activities.toString()).create(),
        "promises", SpinValues.jsonValue(promises.toString()).create());
  }

  /** From wherever the cycle is before the decision: prepared, returned by the police, approved by the municipality. */
  private void returnThePlan(ProcessInstance cycle, String comment) {
    for (int step = 0; step < 5; step++) {
      List<Task> open = taskService.createTaskQuery().processInstanceId(cycle.getId()).list();
      if (open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals("Task_ActionPlan"))) {
        return;
      }
      for (Task task : open) {
        Map<String, Object> v = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
          case "Task_PrepareSteeringGroup" -> {
            v.put("steeringMeetingDate", engineClock.today().plusDays(10).toString());
            v.put("steeringMeetingPlace", "Stadshuset, Kungsbacka");
            v.put("preparationSummary", "Samordnarna föreslår att styrgruppen antar planen.");
          }
          case "Task_PoliceSteeringDecision" -> {
            v.put("decision", "RETURN");
            v.put("decisionComment", comment);
          }
          case "Task_MunicipalSteeringDecision" -> v.put("decision", "APPROVE");
          default -> throw new AssertionError("Unexpected task before the decision: " + task.getTaskDefinitionKey());
        }
        taskService.complete(task.getId(), v);
      }
    }
    throw new AssertionError("The plan did not come back to the coordinators");
  }

  private Task singleTask(ProcessInstance cycle, String key) {
    return taskService.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(key).singleResult();
  }

  // --- the demo cycle, moved forward through the engine where a test does not drive it in the browser ---

  /**
   * Completes Kungsbacka's 2027 cycle up to its action plan, from wherever it is: situation pictures, the
   * merge with the demo's three focus areas, and every cause analysis.
   */
  private Task driveToTheActionPlan(ProcessInstance cycle) {
    for (int step = 0; step < 20; step++) {
      List<Task> open = taskService.createTaskQuery().processInstanceId(cycle.getId()).list();
      Task actionPlan = open.stream().filter(t -> t.getTaskDefinitionKey().equals("Task_ActionPlan"))
          .findFirst().orElse(null);
      if (actionPlan != null) {
        return actionPlan;
      }
      assertThat(open).as("open tasks of %s", cycle.getBusinessKey()).isNotEmpty();
      for (Task task : open) {
        taskService.complete(task.getId(), answers(task));
      }
    }
    throw new AssertionError("The cycle did not reach its action plan");
  }

  private static Map<String, Object> answers(Task task) {
    Map<String, Object> v = new HashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case "Task_PoliceSituationPicture", "Task_MunicipalSituationPicture" -> {
        v.put("situationPicture", "Lägesbilden lämnades utan underlag.");
        v.put("situationEntries", SpinValues.jsonValue("[]").create());
      }
      case "Task_MergeAndPrioritise" -> {
        v.put("jointSituationPicture", "Parterna är överens om tre fokusområden.");
        v.put("focusAreas", SpinValues.jsonValue(KUNGSBACKA_FOCUS_AREAS.stream()
            .map(name -> "{\"name\":\"" + name + "\"}").collect(Collectors.joining(",", "[", "]"))).create());
        v.put("prioritisedProblems", SpinValues.jsonValue(
            "[{\"title\":\"Buskörning vid skolor\",\"focusArea\":\"Trygghet i trafik\"}]").create());
      }
      case "Task_CauseAnalysis" -> v.put("causes", "Låg vuxennärvaro och få kontroller kring skolorna.");
      default -> throw new AssertionError("Unexpected task on the way to the action plan: "
          + task.getTaskDefinitionKey());
    }
    return v;
  }

  private String agreementId(ProcessInstance cycle) {
    return (String) runtimeService.getVariable(cycle.getId(), "agreementId");
  }

  private int planVersions(String agreementId) {
    return jdbc.sql("select count(*) from plan_version where agreement_id = :a and cycle_year = 2027")
        .param("a", agreementId).query(Integer.class).single();
  }

  private record ActivityInput(String focusArea, String description, String expectedEffect, String partyLabel,
      String party, String person, LocalDate start, LocalDate end, String indicators, String intervalLabel,
      String interval) {
  }

  private void assertTheFormHolds(List<ActivityInput> activities, int endBeforeStartRow, LocalDate endBeforeStart,
      String promise, String target) {
    for (int i = 0; i < activities.size(); i++) {
      ActivityInput a = activities.get(i);
      LocalDate end = i == endBeforeStartRow ? endBeforeStart : a.end();
      assertThat(valueIn(ACTIVITIES, i, "Fokusområde")).as("activity %d", i + 1).isEqualTo(a.focusArea());
      assertThat(valueIn(ACTIVITIES, i, "Aktivitet")).as("activity %d", i + 1).isEqualTo(a.description());
      assertThat(valueIn(ACTIVITIES, i, "Förväntad effekt")).as("activity %d", i + 1)
          .isEqualTo(a.expectedEffect());
      assertThat(choice(ACTIVITIES, i, "Ansvarig part")).as("activity %d", i + 1).isEqualTo(a.partyLabel());
      assertThat(valueIn(ACTIVITIES, i, "Ansvarig person (användar-id)")).as("activity %d", i + 1)
          .isEqualTo(a.person());
      assertThat(valueIn(ACTIVITIES, i, "Start")).as("activity %d", i + 1)
          .isEqualTo(dateAsShown(a.start()));
      assertThat(valueIn(ACTIVITIES, i, "Slut")).as("activity %d", i + 1)
          .isEqualTo(dateAsShown(end));
      assertThat(valueIn(ACTIVITIES, i, "Uppföljningsindikatorer")).as("activity %d", i + 1)
          .isEqualTo(a.indicators());
      assertThat(choice(ACTIVITIES, i, "Uppföljningsintervall")).as("activity %d", i + 1)
          .isEqualTo(a.intervalLabel() == null ? "Varje kvartal" : a.intervalLabel());
    }
    assertThat(valueIn(PROMISES, 0, "Löftet")).isEqualTo(promise);
    assertThat(choice(PROMISES, 0, "Vem lovar")).isEqualTo("Polisen");
    assertThat(valueIn(PROMISES, 0, "Mätbart mål")).isEqualTo(target);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  // --- Tasklist, as a user sees it ---

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private void logIn(String user) {
    driver.get(tasklist());
    HeadlessChromium.logInWith(driver, wait, user, "demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter h4 a")));
  }

  /** Logs in to another of the Camunda webapps (cockpit, admin) and waits for its first page. */
  private void logInTo(String app, String user, String secret) {
    driver.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    HeadlessChromium.logInWith(driver, wait, user, secret);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector(".form-signin input[ng-model='username']")));
  }

  /** Opens the filter and waits until the list shows as many tasks as the filter's counter says. */
  private void openFilter(String name) {
    By filter = By.xpath("//*[contains(@class,'task-filters')]//div[contains(@class,'task-filter')]"
        + "[h4/a[normalize-space(text())='" + name + "']]");
    wait.until(ExpectedConditions.elementToBeClickable(filter)).findElement(By.cssSelector("h4 a")).click();
    wait.until(ExpectedConditions.attributeContains(filter, "class", "active"));
    By counter = By.cssSelector(".counter");
    wait.until(d -> {
      WebElement count = d.findElement(filter).findElement(counter);
      return count.isDisplayed() && count.getText().trim().matches("\\d+")
          && d.findElements(TASK_ITEMS).size() == Integer.parseInt(count.getText().trim());
    });
  }

  private WebElement waitForTaskInList(String name) {
    return wait.until(d -> d.findElements(TASK_ITEMS).stream()
        .filter(item -> taskName(item).equals(name)).findFirst().orElse(null));
  }

  private void openTask(String name) {
    waitForTaskInList(name).findElement(TASK_LINK).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), name));
  }

  private List<String> taskNames() {
    return driver.findElements(TASK_ITEMS).stream().map(TasklistBrowserTest::taskName).toList();
  }

  private static String taskName(WebElement item) {
    return item.findElement(By.cssSelector("h4")).getText().trim();
  }

  /** The ids of the listed tasks, taken from their links ("#/?task=ID"). */
  private List<String> shownTaskIds() {
    return driver.findElements(TASK_ITEMS).stream()
        .map(item -> item.findElement(TASK_LINK).getDomAttribute("href").replaceAll(".*task=([^&]+).*", "$1"))
        .toList();
  }

  private void claimTheOpenTask() {
    By claim = By.cssSelector(".task-details button.claim");
    wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
  }

  /**
   * Presses "Complete" once the form has everything that is on the screen (see {@link #settle()}). Complete must
   * be enabled without pressing "Save" first: Tasklist 7.24 would keep it disabled after any edit in a dynamic
   * list, which TasklistListValidationFix works around.
   */
  private void submit() {
    settle();
    wait.until(ExpectedConditions.visibilityOfElementLocated(COMPLETE));
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
    clickInView(complete);
  }

  /**
   * The input of the Camunda Form field with this label. Fails with Tasklist's own message when the form
   * cannot be loaded (for instance when the user may not read the deployed form).
   */
  private WebElement formInput(String label) {
    By labelled = By.xpath("//*[contains(@class,'task-details')]//label[contains(@class,'fjs-form-field-label')]"
        + "[normalize-space(text())='" + label + "']");
    try {
      wait.until(d -> !d.findElements(labelled).isEmpty() || !visibleErrors().isEmpty());
    } catch (TimeoutException e) {
      fail("The task form did not render a field labelled '" + label + "'", e);
    }
    if (driver.findElements(labelled).isEmpty()) {
      fail("Tasklist could not render the task form: " + visibleErrors());
    }
    WebElement field = driver.findElement(labelled);
    String id = field.getDomAttribute("for");
    if (id == null) {
      return field;
    }
    return scrolledIntoView(driver.findElement(By.id(id)));
  }

  /** Clicks the element after scrolling it clear of Tasklist's fixed footer. */
  private void clickInView(WebElement element) {
    scrolledIntoView(element).click();
  }

  private WebElement scrolledIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return element;
  }

  /** The texts of the error messages Tasklist shows at the moment. */
  private List<String> visibleErrors() {
    return driver.findElements(ERRORS).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
  }

  /** Closes Tasklist's error notifications, as a user does before going on. */
  private void dismissErrors() {
    By close = By.cssSelector(".page-notifications .alert-danger button.close[ng-click^='removeNotification']");
    driver.findElements(close).stream().filter(WebElement::isDisplayed).forEach(WebElement::click);
    wait.until(d -> visibleErrors().isEmpty());
  }

  private String formValue(String label) {
    return formInput(label).getDomProperty("value");
  }

  /**
   * Types into the labelled field as soon as the form lets the user type: Tasklist enables the form (and may
   * render it anew) once the task is theirs.
   */
  private void typeInto(String label, String text) {
    WebElement input = wait.until(d -> {
      WebElement in = formInput(label);
      return in.isEnabled() && in.getDomAttribute("readonly") == null ? in : null;
    });
    input.sendKeys(text);
    ((JavascriptExecutor) driver).executeScript("arguments[0].blur()", input);
    settle();
  }

  // --- form-js dynamic lists: one row per item, "Add new" below, a remove button beside each row ---

  private By dynamicList(String label) {
    return By.xpath("//*[contains(@class,'task-details')]//div[contains(@class,'fjs-form-field-dynamiclist')]"
        + "[label[normalize-space(text())='" + label + "']]");
  }

  private List<WebElement> rows(String list) {
    WebElement container = wait.until(ExpectedConditions.presenceOfElementLocated(dynamicList(list)));
    return container.findElements(By.cssSelector(".fjs-repeat-row-container"));
  }

  private WebElement row(String list, int index) {
    return wait.until(d -> {
      List<WebElement> rows = rows(list);
      return rows.size() > index ? rows.get(index) : null;
    });
  }

  private WebElement addButton(String list) {
    return wait.until(d -> {
      WebElement add = d.findElement(dynamicList(list)).findElement(By.cssSelector(".fjs-repeat-render-add"));
      return add.isEnabled() ? add : null;
    });
  }

  private void addRow(String list) {
    int before = rows(list).size();
    clickInView(addButton(list));
    wait.until(d -> rows(list).size() == before + 1);
    settle();
  }

  private void removeRow(String list, int index) {
    int before = rows(list).size();
    clickInView(row(list, index).findElement(By.cssSelector(".fjs-repeat-row-remove")));
    wait.until(d -> rows(list).size() == before - 1);
    settle();
  }

  /** The input (or select's hidden input) of the field with this label in the list's row. */
  private WebElement fieldIn(String list, int index, String label) {
    return wait.until(d -> {
      WebElement row = row(list, index);
      List<WebElement> labels = row.findElements(By.xpath(".//label[contains(@class,'fjs-form-field-label')]"
          + "[normalize-space(text())='" + label + "']"));
      if (labels.isEmpty()) {
        return null;
      }
      List<WebElement> inputs = row.findElements(By.cssSelector("[id='" + labels.get(0).getDomAttribute("for")
          + "']"));
      return inputs.isEmpty() ? null : inputs.get(0);
    });
  }

  /** The form field (label, input and messages) around the labelled input. */
  private WebElement fieldContainer(String list, int index, String label) {
    return fieldIn(list, index, label).findElement(By.xpath(
        "./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
  }

  /** The validation message Camunda Forms shows under the field, or null when there is none. */
  private String fieldError(String list, int index, String label) {
    List<WebElement> errors = fieldContainer(list, index, label).findElements(By.cssSelector(".fjs-form-field-error"));
    String text = errors.isEmpty() ? "" : errors.get(0).getText().trim();
    return text.isEmpty() ? null : text;
  }

  private void typeIn(String list, int index, String label, String text) {
    WebElement input = wait.until(d -> {
      WebElement in = fieldIn(list, index, label);
      return in.isEnabled() && in.getDomAttribute("readonly") == null ? in : null;
    });
    scrolledIntoView(input).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
    ((JavascriptExecutor) driver).executeScript("arguments[0].blur()", input);
    settle();
    wait.until(d -> text.equals(valueIn(list, index, label)));
  }

  /**
   * Gives the form the moment a person takes between two fields. Form-js hands typed text to the form 300 ms
   * after the last key; a row that renders anew before then (because the field before it changed) shows the old
   * value again and the typing is lost, which a test typing at machine speed would otherwise provoke.
   */
  private static void settle() {
    pause(Duration.ofMillis(400));
  }

  private String valueIn(String list, int index, String label) {
    return fieldIn(list, index, label).getDomProperty("value");
  }

  /** Opens the select's drop-down and picks the option, as a mouse user does. */
  private void choose(String list, int index, String label, String option) {
    chooseIn(() -> fieldContainer(list, index, label), option);
  }

  private void chooseIn(java.util.function.Supplier<WebElement> field, String option) {
    clickInView(field.get().findElement(By.cssSelector(".fjs-select-display")));
    WebElement item = wait.until(d -> field.get().findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(i -> i.getText().trim().equals(option)).findFirst().orElse(null));
    item.click();
    settle();
    wait.until(d -> option.equals(field.get().findElement(By.cssSelector(".fjs-select-display")).getText().trim()));
  }

  /** Picks the option whose text starts so: options that name an activity end with its dates and owner. */
  private void chooseStartingWith(String list, int index, String label, String start) {
    clickInView(fieldContainer(list, index, label).findElement(By.cssSelector(".fjs-select-display")));
    WebElement item = wait.until(d -> fieldContainer(list, index, label)
        .findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(i -> i.getText().trim().startsWith(start)).findFirst().orElse(null));
    item.click();
    settle();
    wait.until(d -> fieldContainer(list, index, label).findElement(By.cssSelector(".fjs-select-display")).getText()
        .trim().startsWith(start));
  }

  /** Clicks the radio button with this label, as a user does. */
  private void chooseRadio(String label) {
    By radio = By.xpath("//*[contains(@class,'task-details')]//label[normalize-space(.)='" + label + "']");
    clickInView(wait.until(ExpectedConditions.elementToBeClickable(radio)));
    settle();
  }

  /** The form field (label, input and messages) of a field outside any list. */
  private java.util.function.Supplier<WebElement> formField(String label) {
    return () -> formInput(label).findElement(By.xpath(
        "./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
  }

  /** The shown label of the select's choice. */
  private String choice(String list, int index, String label) {
    return fieldContainer(list, index, label).findElement(By.cssSelector(".fjs-select-display")).getText().trim();
  }

  /** Types a date into a form-js date picker the way the browser's locale writes dates, then leaves the field. */
  private void typeDate(String list, int index, String label, LocalDate date) {
    WebElement input = wait.until(d -> {
      WebElement in = fieldIn(list, index, label);
      return in.isEnabled() && in.getDomAttribute("readonly") == null ? in : null;
    });
    String shown = dateAsShown(date);
    scrolledIntoView(input).click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(shown);
    // Escape closes the calendar, Tab leaves the field: the picker reads the typed date when the field loses focus
    input.sendKeys(Keys.ESCAPE);
    input.sendKeys(Keys.TAB);
    settle();
    wait.until(d -> shown.equals(valueIn(list, index, label)));
  }

  /** The date as the picker shows it: in the browser locale's short format (2027-03-01 in Swedish). */
  private String dateAsShown(LocalDate date) {
    return (String) ((JavascriptExecutor) driver).executeScript(
        "return new Intl.DateTimeFormat().format(new Date(arguments[0], arguments[1] - 1, arguments[2]))",
        date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /**
   * Kungsbacka's figures for 2023–2025 in Kungsbacka (1384), Halland (0013) and Sweden (0000), as a refresh from
   * Kolada keeps them, offered to the open police situation picture; how many tasks got them.
   */
  private int seedKoladaFiguresOfKungsbacka() {
    java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
    jdbc.sql("delete from statistics_area where tenant_id = 'kungsbacka'").update();
    jdbc.sql("insert into statistics_area (tenant_id, municipality_code, county_code, resolved_at) "
        + "values ('kungsbacka', '1384', '0013', :at)").param("at", now).update();
    String[] kpis = {"N07540", "N07403", "U07417", "U07452"};
    String[] areas = {"1384", "0013", "0000"};
    for (int k = 0; k < kpis.length; k++) {
      for (int a = 0; a < areas.length; a++) {
        for (int year = 2023; year <= 2025; year++) {
          jdbc.sql("insert into official_statistic (area_code, kpi_id, period, figure, retrieved_at) "
                  + "values (:area, :kpi, :year, :value, :at)")
              .param("area", areas[a]).param("kpi", kpis[k]).param("year", year)
              .param("value", new BigDecimal(5000 - 1000 * k + 700 * a + 50 * (year - 2023))).param("at", now)
              .update();
        }
      }
    }
    jdbc.sql("insert into statistics_refresh (tenant_id, attempted_at, succeeded_at, outcome, message) "
        + "values ('kungsbacka', :at, :at, 'OK', 'Hämtad från Kolada.')").param("at", now).update();
    return openSituationPictures.offerAgain("kungsbacka");
  }

  private ProcessInstance cycle(String businessKey) {
    ProcessInstance cycle = runtimeService.createProcessInstanceQuery().processDefinitionKey("yearlyCycle")
        .processInstanceBusinessKey(businessKey).singleResult();
    assertThat(cycle).as("the demo's cycle %s", businessKey).isNotNull();
    return cycle;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void screenshot(String name) {
    try {
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Could not save the screenshot " + name, e);
    }
  }

  /**
   * A screenshot of the whole form: Tasklist scrolls the form inside its own pane, so the window is made as tall
   * as the form for the moment of the picture.
   */
  private void fullPageScreenshot(String name) {
    Number formHeight = (Number) ((JavascriptExecutor) driver).executeScript(
        "var f = document.querySelector('.task-details .fjs-container'); return f ? f.scrollHeight : 0;");
    int height = Math.min(Math.max(WINDOW.getHeight(), formHeight.intValue() + 600), 8000);
    driver.manage().window().setSize(new Dimension(WINDOW.getWidth(), height));
    try {
      ((JavascriptExecutor) driver).executeScript(
          "document.querySelectorAll('.task-details, .task-details *').forEach(e => e.scrollTop = 0)");
      pause(Duration.ofMillis(300));
      screenshot(name);
    } finally {
      driver.manage().window().setSize(WINDOW);
    }
  }
}
