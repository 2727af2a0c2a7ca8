package se.tryggsamverkan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import se.tryggsamverkan.TryggSamverkanApplication;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.support.DemoDay;
import se.tryggsamverkan.support.EmbeddedPostgres;
import se.tryggsamverkan.support.HeadlessChromium;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.upgrade.UpgradeRefusal;
import se.tryggsamverkan.upgrade.UpgradeRefusals;

/**
 * End-to-end through the managers' overview page (/oversikt/) in headless Chromium, on the demo data and a real
 * PostgreSQL: the login on the page is Camunda's own (one session with Tasklist and Cockpit), the table across
 * municipalities sorts, a municipality's page shows its cycle on the BPMN diagram with the current steps marked,
 * its open tasks, activities and promises as the JSON API has them, one municipality's user sees nothing of another
 * municipality, and a manager who reads every task in Tasklist cannot take or complete one. What the page shows is
 * compared with the API's answer at the time, so the test holds wherever the demo's cycles stand.
 *
 * <p>Shares the application (and the demo) with {@link TasklistBrowserTest}: same annotations, so Spring reuses the
 * context. Nothing here changes the demo's data: the manager's attempts to take and complete a task are refused.
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
class OverviewBrowserTest {

  private static final String REGION_MANAGER = "region.ledning";
  private static final String KUNGSBACKA_MANAGER = "kungsbacka.ledning";
  private static final String KAVLINGE_COORDINATOR = "kavlinge.samordnare";
  private static final String PASSWORD = "demo";
  private static final String MUNICIPALITIES_TASKS = "Kommunernas uppgifter";
  private static final List<String> COLUMNS = List.of("Kommun", "Genomförande (fas)", "Planering (fas)",
      "Öppna uppgifter", "Försenade uppgifter", "Snart förfallna", "Försenade aktiviteter",
      "Löften (i fas / i riskzonen / hållna / inte hållna)");
  private static final int OVERDUE_COLUMN = COLUMNS.indexOf("Försenade uppgifter") + 1;
  private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final By TABLE_ROWS = By.cssSelector("#kommuner tbody tr");
  private static final By CURRENT_STEPS = By.cssSelector("#diagram .djs-element.aktuell");
  private static final By TASK_ITEMS = By.cssSelector("[cam-tasks] .tasks-list li.task");
  private static final By TASK_LINK = By.cssSelector("a[href*='task=']");
  private static final By ERRORS = By.cssSelector(".alert-danger");
  private static final By CLAIM = By.cssSelector(".task-details button.claim");
  private static final By COMPLETE = By.cssSelector(".task-details button[ng-click='complete()']");
  private static final Dimension WINDOW = HeadlessChromium.WINDOW;

  @LocalServerPort
  private int port;
  @Autowired
  private TaskService taskService;
  @Autowired
  private EngineClock engineClock;
  @Autowired
  private org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired
  private UpgradeRefusals refusals;

  private Http http;
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
    profile = Files.createTempDirectory("overview-chromium");
    driver = HeadlessChromium.start("sv-SE", profile);
    wait = HeadlessChromium.waitFor(driver);
    http = new Http(port);
  }



  @AfterEach
  void stopBrowser() throws IOException {
    List<String> errors = HeadlessChromium.quitAndCollectPageErrors(driver, profile);
    // the pages are modules: one that fails to load or throws breaks its page without a word on it
    assertThat(errors).as("errors in the browser's console").isEmpty();
  }


  @Test
  @Order(1)
  void theRegionalManagerLogsInOnThePageSeesBothMunicipalitiesAndSortsThemByOverdueTasks() {
    List<JsonNode> municipalities = elements(http.json("/api/overview", REGION_MANAGER, PASSWORD)
        .path("municipalities"));
    assertThat(municipalities).extracting(m -> m.path("tenantId").asText())
        .containsExactlyInAnyOrder("kungsbacka", "kavlinge");
    assertThat(municipalities.stream().map(m -> m.path("overdueTasks").asInt()).distinct())
        .as("the demo's municipalities have different numbers of overdue tasks, so sorting by them shows")
        .hasSize(municipalities.size());

    driver.get(page("index.html"));
    logInOnThePage(REGION_MANAGER);
    waitForTable();

    assertThat(columnHeaders()).containsExactlyElementsOf(COLUMNS);
    assertThat(sortedColumn()).isEqualTo("Kommun");
    assertThat(header("Kommun").getDomAttribute("aria-sort")).isEqualTo("ascending");
    assertThat(shownTenants()).containsExactlyElementsOf(tenants(municipalities,
        Comparator.comparing(m -> m.path("name").asText(), SWEDISH)));
    for (JsonNode m : municipalities) {
      WebElement row = row(m.path("tenantId").asText());
      WebElement name = row.findElement(By.cssSelector("th[scope=row] a"));
      assertThat(name.getText()).isEqualTo(m.path("name").asText());
      assertThat(name.getDomAttribute("href")).isEqualTo("kommun.html?kommun=" + m.path("tenantId").asText());
      assertThat(row.findElement(By.cssSelector("td:nth-of-type(1)")).getText())
          .isEqualTo(phase(m.path("implementation")));
      assertThat(row.findElement(By.cssSelector("td:nth-of-type(2)")).getText()).isEqualTo(phase(m.path("planning")));
      WebElement overdue = cell(row, OVERDUE_COLUMN);
      assertThat(leadingNumber(overdue)).isEqualTo(m.path("overdueTasks").asInt());
      if (m.path("overdueTasks").asInt() > 0) {
        assertThat(overdue.getDomAttribute("class")).as("overdue tasks are highlighted")
            .contains("highlight-overdue");
        assertThat(overdue.findElement(By.cssSelector(".badge.overdue")).isDisplayed()).isTrue();
      }
      JsonNode promises = m.path("promises");
      assertThat(row.findElements(By.cssSelector("td.promises .chip")))
          .extracting(chip -> leadingNumber(chip))
          .containsExactly(promises.path("onTrack").asInt(), promises.path("atRisk").asInt(),
              promises.path("kept").asInt(), promises.path("notKept").asInt());
    }

    sortBy("Försenade uppgifter");
    assertThat(header("Försenade uppgifter").getDomAttribute("aria-sort")).isEqualTo("ascending");
    assertThat(header("Kommun").getDomAttribute("aria-sort")).as("one sorted column at a time").isNull();
    List<String> fewestFirst = tenants(municipalities, Comparator.comparingInt(m -> m.path("overdueTasks").asInt()));
    assertThat(shownTenants()).containsExactlyElementsOf(fewestFirst);
    assertThat(overdueColumn()).isSorted();

    sortBy("Försenade uppgifter");
    assertThat(header("Försenade uppgifter").getDomAttribute("aria-sort")).isEqualTo("descending");
    List<String> mostFirst = tenants(municipalities,
        Comparator.comparingInt((JsonNode m) -> m.path("overdueTasks").asInt()).reversed());
    assertThat(mostFirst).as("the order changes").isNotEqualTo(fewestFirst);
    assertThat(shownTenants()).containsExactlyElementsOf(mostFirst);
    assertThat(overdueColumn()).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(driver.findElement(By.id("sortering")).getDomProperty("textContent"))
        .isEqualTo("Sorterat efter Försenade uppgifter, fallande.");
    screenshot("20-oversikt-tabell");

    // the page's login is Camunda's: Tasklist opens without asking again
    driver.get(tasklist());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter h4 a")));
    assertThat(driver.findElements(By.cssSelector(".form-signin input[ng-model='username']")))
        .noneMatch(WebElement::isDisplayed);
  }

  @Test
  @Order(2)
  void theRegionalManagerOpensKungsbackaAndSeesTheCurrentPhaseOnTheDiagramTheOverdueTasksTheActivitiesAndThePromises() {
    JsonNode kungsbacka = http.json("/api/tenants/kungsbacka/overview", REGION_MANAGER, PASSWORD);
    JsonNode cycle = kungsbacka.path("cycle");
    List<String> active = texts(cycle.path("activeElements"));
    assertThat(active).as("the demo's cycle of this year is under way").isNotEmpty();
    List<JsonNode> tasks = elements(kungsbacka.path("openTasks"));
    assertThat(tasks).as("the demo leaves overdue tasks in Kungsbacka")
        .anyMatch(t -> t.path("state").asText().equals("OVERDUE"));

    driver.get(page("index.html"));
    logInOnThePage(REGION_MANAGER);
    waitForTable();
    row("kungsbacka").findElement(By.linkText(kungsbacka.path("name").asText())).click();
    wait.until(ExpectedConditions.urlContains("kommun.html?kommun=kungsbacka"));
    waitForTheDiagram(active);

    assertThat(driver.findElement(By.id("kommun-namn")).getText()).isEqualTo("Kungsbacka kommun");
    assertThat(driver.getTitle()).isEqualTo("Kungsbacka kommun " + kungsbacka.path("year").asInt()
        + " – Trygg samverkan");
    Select year = new Select(driver.findElement(By.id("ar")));
    assertThat(year.getOptions()).extracting(WebElement::getText)
        .containsExactlyElementsOf(texts(kungsbacka.path("years")));
    assertThat(year.getFirstSelectedOption().getText()).isEqualTo(kungsbacka.path("year").asText());

    // the cycle: its phase, the current steps marked on the diagram, a legend, and the instance in Cockpit
    assertThat(driver.findElement(By.id("cykel-fas")).getText()).isEqualTo("Fas: " + cycle.path("phaseName").asText());
    for (String element : active) {
      assertThat(driver.findElement(By.cssSelector("#diagram [data-element-id='" + element + "']"))
          .getDomAttribute("class")).as("the current step %s is marked", element).contains("aktuell");
    }
    assertThat(driver.findElements(CURRENT_STEPS)).extracting(e -> e.getDomAttribute("data-element-id"))
        .as("nothing else is marked").containsExactlyInAnyOrderElementsOf(active);
    assertThat(driver.findElement(By.cssSelector(".legend")).getText()).contains("Aktuellt steg");
    assertThat(driver.findElement(By.id("diagram-beskrivning")).getText()).contains("Aktuellt steg:");
    assertThat(driver.findElement(By.cssSelector("#diagram .bjs-powered-by")).isDisplayed())
        .as("bpmn-js's licence: the watermark stays visible").isTrue();
    assertThat(driver.findElement(By.linkText("Öppna årscykeln " + kungsbacka.path("year").asInt() + " i Cockpit"))
        .getDomAttribute("href")).isEqualTo(cycle.path("cockpit").asText());

    // open tasks by role, overdue and due soon marked, each a link to the task in Tasklist
    assertThat(driver.findElements(By.cssSelector("#uppgifter-roller .role-group h3")))
        .extracting(WebElement::getText)
        .containsExactlyElementsOf(elements(kungsbacka.path("tasksByRole")).stream()
            .map(r -> r.path("role").asText()).toList());
    for (JsonNode task : tasks) {
      List<WebElement> shown = driver.findElements(By.cssSelector("li.task[data-task='" + task.path("id").asText()
          + "']"));
      assertThat(shown).as("task %s under each of its roles", task.path("name").asText())
          .hasSize(task.path("roles").size());
      for (WebElement item : shown) {
        WebElement link = item.findElement(By.cssSelector("a.task-name"));
        assertThat(link.getText()).startsWith(task.path("name").asText());
        assertThat(link.getDomAttribute("href")).isEqualTo(task.path("tasklist").asText())
            .startsWith("/camunda/app/tasklist/default/#/?task=");
        String state = task.path("state").asText();
        List<String> badges = item.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList();
        switch (state) {
          case "OVERDUE" -> assertThat(badges).containsExactly("Försenad");
          case "DUE_SOON" -> assertThat(badges).containsExactly("Snart förfallen");
          default -> assertThat(badges).isEmpty();
        }
        // the coordinators' standing task for plan changes has no due date
        assertThat(item.findElement(By.cssSelector(".meta")).getText()).contains(task.path("due").isNull()
            ? "Inget förfallodatum" : "Förfaller " + task.path("due").asText());
      }
    }

    // the activities chart: one bar per status, with its symbol and count
    List<WebElement> bars = driver.findElements(By.cssSelector("#aktivitetsdiagram li.bar-row"));
    List<JsonNode> statuses = elements(kungsbacka.path("activitiesByStatus"));
    assertThat(bars).hasSize(statuses.size());
    for (int i = 0; i < statuses.size(); i++) {
      JsonNode status = statuses.get(i);
      WebElement bar = bars.get(i);
      assertThat(bar.getDomAttribute("data-status")).isEqualTo(status.path("status").asText());
      assertThat(bar.findElement(By.cssSelector(".bar-label")).getText())
          .isEqualTo(status.path("symbol").asText() + " " + status.path("name").asText());
      assertThat(leadingNumber(bar.findElement(By.cssSelector(".bar-count")))).isEqualTo(status.path("count").asInt());
    }
    assertThat(bars).extracting(b -> b.findElement(By.cssSelector(".symbol")).getText())
        .containsExactlyInAnyOrder("–", "●", "◐", "✔", "✘", "!", "■");
    assertThat(driver.findElements(By.cssSelector("#aktivitetslista tbody tr")))
        .hasSize(kungsbacka.path("activities").size());

    // the promises with their verdicts
    List<JsonNode> promises = elements(kungsbacka.path("promises"));
    List<WebElement> promiseRows = driver.findElements(By.cssSelector("#loftestabell tbody tr"));
    assertThat(promiseRows).hasSize(promises.size());
    for (int i = 0; i < promises.size(); i++) {
      JsonNode promise = promises.get(i);
      WebElement shown = promiseRows.get(i);
      assertThat(shown.getText()).contains(promise.path("text").asText());
      WebElement verdict = shown.findElement(By.cssSelector(".chip.verdict"));
      if (promise.path("verdict").isNull()) {
        assertThat(verdict.getText()).isEqualTo("Bedöms inte (inget mätbart mål)");
      } else {
        assertThat(verdict.getText()).isEqualTo(promise.path("verdictName").asText());
        assertThat(verdict.getDomAttribute("class"))
            .contains(promise.path("verdict").asText().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
    assertThat(driver.findElements(By.cssSelector("#beslutstabell tbody tr")))
        .hasSize(kungsbacka.path("decisions").size());

    // everything came from this application: no CDN
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)");
    assertThat(resources).isNotEmpty().allMatch(url -> url.startsWith("http://localhost:" + port + "/"));
    assertThat(resources).anyMatch(url -> url.endsWith("/vendor/bpmn-js/dist/bpmn-navigated-viewer.production.min.js"));
    fullPageScreenshot("21-oversikt-kungsbacka");

    // another year: the page follows the year selector
    int next = kungsbacka.path("year").asInt() + 1;
    assertThat(texts(kungsbacka.path("years"))).contains(String.valueOf(next));
    JsonNode nextYear = http.json("/api/tenants/kungsbacka/overview?year=" + next, REGION_MANAGER, PASSWORD);
    year.selectByVisibleText(String.valueOf(next));
    wait.until(ExpectedConditions.textToBe(By.id("cykel-rubrik"), "Årscykeln " + next));
    wait.until(ExpectedConditions.urlContains("ar=" + next));
    waitForTheDiagram(texts(nextYear.path("cycle").path("activeElements")));
    assertThat(driver.findElement(By.id("cykel-fas")).getText())
        .isEqualTo("Fas: " + nextYear.path("cycle").path("phaseName").asText());
  }

  @Test
  @Order(3)
  void aKavlingeCoordinatorGetsNothingOfKungsbackaOnThePageAndSeesOnlyKavlingeInTheTable() {
    HttpResponse<String> refused = http.get("/api/tenants/kungsbacka/overview", KAVLINGE_COORDINATOR, PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(403);
    String message = http.parse(refused.body()).path("message").asText();
    assertThat(message).isEqualTo("Du har inte behörighet till kommunen kungsbacka");
    JsonNode kungsbacka = http.json("/api/tenants/kungsbacka/overview", REGION_MANAGER, PASSWORD);

    driver.get(page("kommun.html?kommun=kungsbacka"));
    logInOnThePage(KAVLINGE_COORDINATOR);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fel")));
    assertThat(driver.findElement(By.id("fel-rubrik")).getText()).isEqualTo("Ingen behörighet");
    assertThat(driver.findElement(By.id("fel-text")).getText()).isEqualTo(message);
    assertThat(driver.findElement(By.id("kommun")).isDisplayed()).isFalse();
    String page = driver.findElement(By.tagName("body")).getText();
    assertThat(page).doesNotContain("Kungsbacka kommun", "Lokalpolisområde Kungsbacka");
    for (JsonNode promise : elements(kungsbacka.path("promises"))) {
      assertThat(page).doesNotContain(promise.path("text").asText());
    }
    for (JsonNode task : elements(kungsbacka.path("openTasks"))) {
      assertThat(driver.getPageSource()).doesNotContain(task.path("id").asText());
    }
    assertThat(driver.findElements(By.cssSelector("#diagram .djs-container"))).isEmpty();
    // the browser's session is refused the diagram too
    Object diagram = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));",
        kungsbacka.path("cycle").path("diagram").asText());
    assertThat(diagram).isEqualTo(403L);
    screenshot("22-oversikt-kavlinge-nekas-kungsbacka");

    driver.findElement(By.linkText("Alla kommuner")).click();
    waitForTable();
    assertThat(shownTenants()).containsExactly("kavlinge");
    assertThat(driver.findElement(By.id("kommuner")).getText()).doesNotContain("Kungsbacka");

    // "Logga ut" ends the session shared with Tasklist
    driver.findElement(By.id("logga-ut")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inloggningsformular")));
    driver.get(tasklist());
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".form-signin input[ng-model='username']")));
  }

  @Test
  @Order(4)
  void theManagerSeesKungsbackasTasksInTasklistButCannotTakeOrCompleteThem() {
    List<String> kungsbackaTasks = taskService.createTaskQuery().tenantIdIn("kungsbacka").list().stream()
        .map(Task::getId).toList();
    Task unassigned = taskService.createTaskQuery().tenantIdIn("kungsbacka").taskUnassigned()
        .orderByTaskCreateTime().asc().list().stream().findFirst().orElse(null);
    assertThat(unassigned).as("an open Kungsbacka task that nobody has taken").isNotNull();

    logInToTasklist(KUNGSBACKA_MANAGER);
    openFilter(MUNICIPALITIES_TASKS);
    assertThat(shownTaskIds()).containsExactlyInAnyOrderElementsOf(kungsbackaTasks);

    driver.findElements(TASK_ITEMS).stream()
        .filter(item -> item.findElement(TASK_LINK).getDomAttribute("href").endsWith("task=" + unassigned.getId()))
        .findFirst().map(item -> item.findElement(TASK_LINK)).map(link -> {
          // below Tasklist's fixed footer when the list is long: scrolled to, as a user does
          ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
              "arguments[0].scrollIntoView({block: 'center'})", link);
          return link;
        }).orElseThrow().click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"),
        unassigned.getName()));
    // Tasklist offers "Ta uppgiften", and the engine refuses it: the manager only reads
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(CLAIM));
    assertThat(claim.getText()).isEqualTo("Ta uppgiften");
    claim.click();
    String refusal = wait.until(d -> visibleErrors().stream().findFirst().orElse(null));
    screenshot("23-tasklist-ledning-kan-inte-ta-uppgiften");
    assertThat(refusal).contains("Ett fel uppstod när du skulle ta uppgiften",
        "'" + KUNGSBACKA_MANAGER + "' does not have", "TASK_WORK");
    assertThat(driver.findElements(COMPLETE)).noneMatch(WebElement::isEnabled);
    assertThat(taskService.createTaskQuery().taskId(unassigned.getId()).singleResult().getAssignee())
        .as("still nobody's").isNull();

    // nor through the engine's REST API
    HttpResponse<String> completed = http.post("/engine-rest/task/" + unassigned.getId() + "/complete",
        KUNGSBACKA_MANAGER, PASSWORD, "{}");
    assertThat(completed.statusCode()).isIn(403, 500);
    assertThat(completed.body()).contains("AuthorizationException", KUNGSBACKA_MANAGER, "TASK_WORK");
    HttpResponse<String> claimed = http.post("/engine-rest/task/" + unassigned.getId() + "/claim",
        KUNGSBACKA_MANAGER, PASSWORD, "{\"userId\": \"" + KUNGSBACKA_MANAGER + "\"}");
    assertThat(claimed.statusCode()).isIn(403, 500);
    Task still = taskService.createTaskQuery().taskId(unassigned.getId()).singleResult();
    assertThat(still).as("the task stays open").isNotNull();
    assertThat(still.getAssignee()).isNull();

    // the Tasklist login is the overview's too: the page opens with the manager's municipality only
    driver.get(page("index.html"));
    waitForTable();
    assertThat(driver.findElement(By.id("anvandarnamn")).getText()).isEqualTo(KUNGSBACKA_MANAGER);
    assertThat(shownTenants()).containsExactly("kungsbacka");
  }

  /**
   * Issue 17: the municipality's places of every year on a map (Leaflet, tiles from the test's own classpath): one
   * marker per place with a position, hot spots marked, the same places in the table below, names as text.
   */
  @Test
  @Order(5)
  void theManagerSeesKungsbackasPlacesOfEveryYearOnTheMapWithTheHotSpotsMarked() {
    // a place whose name is markup, as a careless or hostile coordinator could type it
    String hostile = "<img src=x onerror=\"document.title='XSS'\"> Kyrkogatan";
    jdbc.sql("insert into place (agreement_id, cycle_year, party, name, kind, description, task_id, latitude, "
            + "longitude) select id, 2026, 'MUNICIPALITY', :name, 'CRIME_CLUSTER', '<b>fet</b>', 'browser-test', "
            + "57.4870, 12.0790 from agreement where tenant_id = 'kungsbacka' order by period_start desc limit 1")
        .param("name", hostile).update();
    JsonNode places = http.json("/api/tenants/kungsbacka/places", REGION_MANAGER, PASSWORD).path("places");
    List<JsonNode> all = elements(places);
    long positioned = all.stream().filter(p -> !p.path("latitude").isNull()).count();
    long hotSpots = all.stream().filter(p -> !p.path("latitude").isNull() && p.path("hotSpot").asBoolean()).count();
    assertThat(positioned).as("the demo's places have positions").isGreaterThanOrEqualTo(3);
    assertThat(hotSpots).as("the demo's places come back every year").isGreaterThan(0);

    driver.get(page("kommun.html?kommun=kungsbacka"));
    logInOnThePage(REGION_MANAGER);
    wait.until(d -> d.findElements(By.cssSelector("#karta path.plats-markor")).size() == positioned);
    assertThat(driver.findElements(By.cssSelector("#karta path.plats-markor.hot-spot"))).hasSize((int) hotSpots);
    wait.until(d -> !d.findElements(By.cssSelector("#karta img.leaflet-tile-loaded")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("#karta img.leaflet-tile")).getDomAttribute("src"))
        .as("tiles from the configured server").contains("/test-tiles/tile.png?z=");
    assertThat(driver.findElement(By.cssSelector("#karta .leaflet-control-attribution")).getText())
        .contains("OpenStreetMap");
    assertThat(driver.findElements(By.cssSelector("#platstabell tbody tr"))).hasSize(all.size());
    assertThat(driver.findElement(By.id("platstabell")).getText()).contains("Resecentrum", "Hot spot: Återkommer",
        hostile, "<b>fet</b>");
    assertThat(driver.findElements(By.cssSelector("#platser img:not(.leaflet-tile), #platser b"))).as("markup stays text")
        .isEmpty();

    WebElement hotSpot = driver.findElement(By.cssSelector("#karta path.plats-markor.hot-spot"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})",
        driver.findElement(By.id("karta")));
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(hotSpot).click().perform();
    WebElement popup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".plats-popup")));
    assertThat(popup.getText()).contains("Hot spot: Återkommer");
    screenshot("47-kungsbacka-places-on-the-map");
    assertThat(driver.getTitle()).doesNotContain("XSS");
    List<String> violations = se.tryggsamverkan.support.Axe.violations(driver);
    System.out.println("AxeReport: /oversikt/kommun.html (map) " + se.tryggsamverkan.support.Axe
        .countsByImpact(violations) + " " + violations);
    assertThat(se.tryggsamverkan.support.Axe.seriousOrCritical(driver)).isEmpty();
    assertThat(HeadlessChromium.pageErrors(driver)).isEmpty();

    // the page the situation-picture form links to: a click on the map gives the position to copy into the form
    driver.get(page("karta.html"));
    WebElement map = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#karta .leaflet-tile")));
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(driver.findElement(By.id("karta")), 20, 10)
        .click().perform();
    wait.until(d -> !d.findElement(By.id("latitud")).getDomProperty("value").isEmpty());
    assertThat(driver.findElement(By.id("latitud")).getDomProperty("value")).matches("\\d{2}\\.\\d{6}");
    assertThat(driver.findElement(By.id("longitud")).getDomProperty("value")).matches("\\d{1,2}\\.\\d{6}");
    assertThat(driver.findElements(By.cssSelector("#karta path.vald-position"))).hasSize(1);
    assertThat(map.isDisplayed()).isTrue();
    assertThat(se.tryggsamverkan.support.Axe.seriousOrCritical(driver)).as("the picker page").isEmpty();
    assertThat(HeadlessChromium.pageErrors(driver)).isEmpty();
  }

  /**
   * An upgrade that left Kungsbacka's cycle on its old process version (issue 19): the row says so at a glance and
   * the municipality's page says which cycle and version, in Swedish. The refusal is recorded as the upgrade records
   * one (ProcessUpgradeTest makes a real one) and removed again, so the other tests see the demo as it was.
   */
  @Test
  @Order(6)
  void anUpgradeThatLeftACycleOnItsOldVersionIsMarkedInTheTableAndOnTheMunicipalitysPage() {
    JsonNode kungsbacka = http.json("/api/tenants/kungsbacka/overview", REGION_MANAGER, PASSWORD);
    int year = kungsbacka.path("year").asInt();
    String cycle = kungsbacka.path("cycle").path("processInstanceId").asText();
    refusals.replace("yearlyCycle", List.of(new UpgradeRefusal(cycle, "yearlyCycle", "Årscykel", 1, 2, "kungsbacka",
        "kungsbacka-" + year, year, "waits in Task_X: There is no migration instruction for this instance's activity",
        engineClock.instant())));
    try {
      driver.get(page("index.html"));
      logInOnThePage(REGION_MANAGER);
      waitForTable();
      assertThat(cell(row("kungsbacka"), 1).getText()).contains("⚠ En process på äldre processversion");
      assertThat(cell(row("kavlinge"), 1).getText()).doesNotContain("processversion");
      screenshot("26-oversikt-aldre-processversion");

      row("kungsbacka").findElement(By.linkText(kungsbacka.path("name").asText())).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cykel-version"), "processversion"));
      assertThat(driver.findElement(By.id("cykel-version")).getText()).isEqualTo("Årscykel " + year
          + " körs kvar på processversion 1 (den nyaste är 2): uppgraderingen kunde inte flytta den. Driften har "
          + "fått orsaken.");
      screenshot("27-kungsbacka-aldre-processversion");
    } finally {
      refusals.replace("yearlyCycle", List.of());
    }
  }

  // --- the overview page ---

  private String page(String path) {
    return "http://localhost:" + port + "/oversikt/" + path;
  }

  /** Logs in with the page's own form (Camunda's login, shared with Tasklist and Cockpit). */
  private void logInOnThePage(String user) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("anvandarnamn-falt"))).sendKeys(user);
    WebElement password = driver.findElement(By.id("losenord-falt"));
    password.sendKeys(PASSWORD);
    password.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textToBe(By.id("anvandarnamn"), user));
  }

  private void waitForTable() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(TABLE_ROWS));
  }

  private List<String> shownTenants() {
    return driver.findElements(TABLE_ROWS).stream().map(row -> row.getDomAttribute("data-tenant")).toList();
  }

  private WebElement row(String tenantId) {
    return driver.findElement(By.cssSelector("#kommuner tbody tr[data-tenant='" + tenantId + "']"));
  }

  /** The row's cell in this column (1 = Kommun, the row's header). */
  private static WebElement cell(WebElement row, int column) {
    return row.findElement(By.cssSelector(":scope > :nth-child(" + column + ")"));
  }

  private List<Integer> overdueColumn() {
    return driver.findElements(TABLE_ROWS).stream().map(row -> leadingNumber(cell(row, OVERDUE_COLUMN))).toList();
  }

  private List<String> columnHeaders() {
    return driver.findElements(By.cssSelector("#kommuner thead th")).stream().map(OverviewBrowserTest::label)
        .toList();
  }

  private WebElement header(String label) {
    return driver.findElements(By.cssSelector("#kommuner thead th")).stream()
        .filter(th -> label(th).equals(label)).findFirst().orElseThrow();
  }

  private String sortedColumn() {
    return label(driver.findElement(By.cssSelector("#kommuner thead th[aria-sort]")));
  }

  /** The column's name as the user reads it, without the sort arrow. */
  private static String label(WebElement header) {
    return header.getText().replaceAll("[▲▼↕]", "").replaceAll("\\s+", " ").trim();
  }

  /** Presses the sort button in the column's header, as a user does, and waits for the table to follow. */
  private void sortBy(String label) {
    String before = header(label).getDomAttribute("aria-sort");
    header(label).findElement(By.cssSelector("button")).click();
    wait.until(d -> {
      String now = header(label).getDomAttribute("aria-sort");
      return now != null && !now.equals(before);
    });
  }

  /** The number a cell or badge starts with (screen readers also get a word after it). */
  private static int leadingNumber(WebElement element) {
    return Integer.parseInt(element.getText().trim().split("\\s+")[0]);
  }

  private void waitForTheDiagram(List<String> active) {
    wait.until(d -> d.findElements(By.cssSelector("#diagram .djs-element")).size() > 1
        && d.findElements(CURRENT_STEPS).size() == active.size());
  }

  /** A phase as the table shows it: "Lägesbild (2027)", or a dash without a cycle. */
  private static String phase(JsonNode phase) {
    return phase.isMissingNode() || phase.isNull() ? "–"
        : phase.path("phaseName").asText() + " (" + phase.path("year").asInt() + ")";
  }

  private static List<String> tenants(List<JsonNode> municipalities, Comparator<JsonNode> order) {
    // the page breaks ties by name
    return municipalities.stream()
        .sorted(order.thenComparing(m -> m.path("name").asText(), SWEDISH))
        .map(m -> m.path("tenantId").asText()).toList();
  }

  // --- Tasklist, as a user sees it ---

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private void logInToTasklist(String user) {
    driver.get(tasklist());
    HeadlessChromium.logInWith(driver, wait, user, PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter h4 a")));
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
      return count.isDisplayed() && count.getText().trim().matches("\\(?\\d+\\)?")
          && d.findElements(TASK_ITEMS).size() == Integer.parseInt(count.getText().replaceAll("\\D", ""));
    });
  }

  /** The ids of the listed tasks, taken from their links ("#/?task=ID"). */
  private List<String> shownTaskIds() {
    return driver.findElements(TASK_ITEMS).stream()
        .map(item -> item.findElement(TASK_LINK).getDomAttribute("href").replaceAll(".*task=([^&]+).*", "$1"))
        .toList();
  }

  /** The texts of the error messages Tasklist shows at the moment. */
  private List<String> visibleErrors() {
    return driver.findElements(ERRORS).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
  }

  // --- JSON ---

  private static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array) {
    return elements(array).stream().map(JsonNode::asText).toList();
  }

  // --- screenshots ---

  private void screenshot(String name) {
    try {
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Could not save the screenshot " + name, e);
    }
  }

  /** A screenshot of the whole page: the window is made as tall as the page for the moment of the picture. */
  private void fullPageScreenshot(String name) {
    Number pageHeight = (Number) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(WINDOW.getWidth(),
        Math.min(Math.max(WINDOW.getHeight(), pageHeight.intValue() + 120), 8000)));
    try {
      screenshot(name);
    } finally {
      driver.manage().window().setSize(WINDOW);
    }
  }
}
