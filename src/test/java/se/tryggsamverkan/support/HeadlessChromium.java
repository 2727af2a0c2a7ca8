package se.tryggsamverkan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, for the browser tests: started as a user of a given language would have it. */
public final class HeadlessChromium {

  public static final Dimension WINDOW = new Dimension(1400, 1000);

  /**
   * Console errors that are no fault of our pages, which Chromium reports with the refused address first: refusals
   * the pages expect and show (the API's 401, 403, 400; Camunda's login endpoints when nobody is logged in), whatever
   * Camunda's own web applications ask for (/camunda/..., /camunda-welcome), and the browser's own favicon.ico.
   */
  private static final Pattern NOT_OURS = Pattern.compile("^https?://[^/]+/(api/|camunda|favicon\\.ico)");

  private HeadlessChromium() {
  }

  /**
   * A Chromium whose user asks for this language (sv-SE, en-US). Debian's Chromium ships only its en-US locale,
   * so --lang alone leaves navigator.languages (which the Camunda webapps pick their language from) and the
   * Accept-Language header in English: --accept-lang sets them, and the locale override shows dates as a
   * browser of that language does (2027-03-01 in Swedish). The background-networking flags keep it off the
   * machine's closed network.
   */
  public static ChromeDriver start(String language, Path profile) {
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(), "--lang=" + language,
        "--accept-lang=" + language + "," + language.substring(0, 2), "--user-data-dir=" + profile);
    // the console, for pageErrors()
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver chrome = new ChromeDriver(options);
    chrome.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", language));
    return chrome;
  }

  /**
   * What the project's pages wrote to the console as errors since the last call: a script that throws, or a module
   * that did not load (a page's modules load before any of them runs, so one missing module leaves the page blank
   * without a word).
   */
  public static List<String> pageErrors(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !NOT_OURS.matcher(message).find())
        .toList();
  }

  /**
   * Ends a test's browser: the console's errors (see {@link #pageErrors}) are read before it quits and returned, and
   * its profile is deleted whatever happens. A page test then asserts that the list is empty.
   */
  public static List<String> quitAndCollectPageErrors(WebDriver browser, Path profile) throws IOException {
    List<String> errors = List.of();
    if (browser != null) {
      try {
        errors = pageErrors(browser);
      } finally {
        browser.quit();
      }
    }
    deleteProfile(profile);
    return errors;
  }

  /**
   * Fills in the Camunda web applications' login form and presses Enter: the name and the password, each typed
   * until its field holds it. On a busy machine the page can still be settling when the first keys arrive; once the
   * password went into the name field ("kungsbacka.polisdemo") and the login never happened.
   */
  public static void logInWith(WebDriver browser, WebDriverWait wait, String user, String secret) {
    By username = By.cssSelector(".form-signin input[ng-model='username']");
    By password = By.cssSelector(".form-signin input[ng-model='password']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(username));
    for (var field : List.of(Map.entry(username, user), Map.entry(password, secret))) {
      wait.until(d -> {
        WebElement input = d.findElement(field.getKey());
        input.clear();
        input.sendKeys(field.getValue());
        return field.getValue().equals(input.getDomProperty("value"));
      });
    }
    wait.until(d -> user.equals(d.findElement(username).getDomProperty("value")));
    browser.findElement(password).sendKeys(Keys.ENTER);
  }

  /** A wait that looks again when Tasklist, form-js or the overview render a list anew while it loads. */
  public static WebDriverWait waitFor(WebDriver browser) {
    WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
    waiting.ignoring(StaleElementReferenceException.class);
    return waiting;
  }

  public static void deleteProfile(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
