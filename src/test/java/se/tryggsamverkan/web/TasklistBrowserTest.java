package se.tryggsamverkan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import se.tryggsamverkan.TryggSamverkanApplication;
import se.tryggsamverkan.support.EmbeddedPostgres;

/**
 * End-to-end through Camunda Tasklist in headless Chromium, on the demo data and a real PostgreSQL. Proves
 * that a user with nothing but a browser and the demo password can find their work through the shared
 * "Min grupps uppgifter" filter, that the deployed Swedish Camunda Forms render and submit with the
 * authorizations the bootstrap grants, that the answers reach the process, and that one municipality
 * (tenant) never sees another's tasks. Screenshots of the key pages are kept in target/screenshots.
 */
@SpringBootTest(classes = TryggSamverkanApplication.class, webEnvironment = RANDOM_PORT,
    properties = {"trygg.demo.enabled=true", "trygg.admin.password=admin"})
@ContextConfiguration(initializers = EmbeddedPostgres.class)
class TasklistBrowserTest {

  private static final String MY_GROUPS_TASKS = "Min grupps uppgifter";
  private static final String POLICE_PICTURE = "Polisens lägesbild";
  private static final String MERGE_AND_PRIORITISE = "Sammanställ lägesbilden och prioritera problem";
  private static final String POLICE_STEERING_DECISION = "Styrgruppens beslut: polisen";
  private static final String KUNGSBACKA_2027 = "kungsbacka-2027-2030-2027";
  private static final String KAVLINGE_2027 = "kavlinge-2027-2030-2027";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final By TASK_ITEMS = By.cssSelector("[cam-tasks] .tasks-list li.task");
  private static final By TASK_LINK = By.cssSelector("a[href*='task=']");
  private static final By ERRORS = By.cssSelector(".alert-danger");

  @LocalServerPort
  private int port;
  @Autowired
  private TaskService taskService;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private HistoryService historyService;

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
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("tasklist-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--lang=sv-SE", "--user-data-dir=" + profile);
    driver = new ChromeDriver(options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // Angular re-renders the lists and the form while they load: look again rather than fail
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void theKungsbackaPoliceCoordinatorSubmitsTheSituationPictureAndThenSeesTheMergeTaskInTheirGroupsList() {
    ProcessInstance cycle = cycle(KUNGSBACKA_2027);
    Task pictureTask = taskService.createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey("Task_PoliceSituationPicture").singleResult();
    assertThat(pictureTask).as("the demo leaves Kungsbacka's police situation picture of 2026 open").isNotNull();
    String picture = "Ungdomsbrott vid Kungsbacka station ökar på kvällstid (skrivet i Tasklist).";
    String places = "Stationsområdet och gångtunneln under väg 158";

    logIn("kungsbacka.polis");
    openFilter(MY_GROUPS_TASKS);
    waitForTaskInList(POLICE_PICTURE);
    assertThat(taskNames()).containsExactly(POLICE_PICTURE);
    // the card names the municipality and the cycle's year (filter variables, readable with READ_INSTANCE)
    wait.until(d -> d.findElement(TASK_ITEMS).getText().contains("Kungsbacka kommun"));
    assertThat(driver.findElement(TASK_ITEMS).getText()).contains("Kommun", "Kungsbacka kommun", "År", "2027");
    screenshot("01-kungsbacka-polis-group-tasks");

    openTask(POLICE_PICTURE);
    claimTheOpenTask();
    assertThat(formValue("Kommun")).isEqualTo("Kungsbacka kommun");
    assertThat(formValue("Årscykel")).isEqualTo("2027");
    assertThat(driver.findElement(By.cssSelector(".task-details")).getText())
        .contains("Partens egen lägesbild", "Lärdomar från tidigare år", "Underlag", "Brottsstatistik");
    screenshot("02-kungsbacka-polis-situation-picture-form");

    typeInto("Lägesbild", picture);
    typeInto("Otrygga platser och brottsutsatta platser", places);
    assertThat(formValue("Lägesbild")).isEqualTo(picture);
    screenshot("03-kungsbacka-polis-situation-picture-filled-in");
    clickInView(wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".task-details button[ng-click='complete()']"))));

    waitForTaskInList(MERGE_AND_PRIORITISE);
    assertThat(taskNames()).containsExactly(MERGE_AND_PRIORITISE);
    screenshot("04-kungsbacka-polis-merge-task-in-group-list");

    assertThat(runtimeService.getVariable(cycle.getId(), "policeSituationPicture")).isEqualTo(picture);
    assertThat(runtimeService.getVariable(cycle.getId(), "policeUnsafePlaces")).isEqualTo(places);
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(pictureTask.getId())
        .singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo("kungsbacka.polis");
    Task merge = taskService.createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey("Task_MergeAndPrioritise").singleResult();
    assertThat(merge).isNotNull();
    assertThat(merge.getTenantId()).isEqualTo("kungsbacka");
    assertThat(merge.getAssignee()).isNull();
    assertThat(shownTaskIds()).containsExactly(merge.getId());
  }

  @Test
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
  void theKavlingePoliceSteeringMemberSeesTheirDecisionTaskWithThePlanInTheSwedishForm() {
    ProcessInstance cycle = cycle(KAVLINGE_2027);
    List<String> groupTasks = taskService.createTaskQuery().tenantIdIn("kavlinge")
        .taskCandidateGroup("police-steering").list().stream().map(Task::getId).toList();

    logIn("kavlinge.lpo");
    openFilter(MY_GROUPS_TASKS);
    waitForTaskInList(POLICE_STEERING_DECISION);
    screenshot("07-kavlinge-lpo-group-tasks");
    assertThat(shownTaskIds()).containsExactlyInAnyOrderElementsOf(groupTasks);

    openTask(POLICE_STEERING_DECISION);
    assertThat(formValue("Kommun")).isEqualTo("Kävlinge kommun");
    assertThat(formValue("Åtgärdsplan")).isEqualTo(runtimeService.getVariable(cycle.getId(), "actionPlan"));
    assertThat(formValue("Tidigare omgångars kommentarer")).isNotBlank()
        .isEqualTo(runtimeService.getVariable(cycle.getId(), "steeringComments"));
    formInput("Ditt beslut");
    assertThat(driver.findElement(By.cssSelector(".task-details")).getText())
        .contains("Godkänn planen", "Återremittera till samordnarna");
    screenshot("08-kavlinge-lpo-steering-decision-form");
  }

  // --- Tasklist, as a user sees it ---

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private void logIn(String user) {
    driver.get(tasklist());
    By username = By.cssSelector(".form-signin input[ng-model='username']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(username)).sendKeys(user);
    WebElement password = driver.findElement(By.cssSelector(".form-signin input[ng-model='password']"));
    password.sendKeys("demo");
    password.sendKeys(Keys.ENTER);
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

  private String formValue(String label) {
    return formInput(label).getDomProperty("value");
  }

  /**
   * Types into the labelled field as soon as the form lets the user type: Tasklist enables the form (and may
   * render it anew) once the task is theirs.
   */
  private void typeInto(String label, String text) {
    wait.until(d -> {
      WebElement input = formInput(label);
      return input.isEnabled() && input.getDomAttribute("readonly") == null ? input : null;
    }).sendKeys(text);
  }

  private ProcessInstance cycle(String businessKey) {
    ProcessInstance cycle = runtimeService.createProcessInstanceQuery().processDefinitionKey("yearlyCycle")
        .processInstanceBusinessKey(businessKey).singleResult();
    assertThat(cycle).as("the demo's cycle %s", businessKey).isNotNull();
    return cycle;
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
}
