package se.tryggsamverkan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.HeadlessChromium;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestAdministrator;

/**
 * An administrator onboards a municipality through the page, in a Swedish browser: first a mistake (an e-mail that
 * is no address) refused in Swedish beside the form, then the municipality with its coordinators and steering
 * members; the listing shows them and what is still missing; then a CSV file with one bad row.
 */
@Tag("browser")
@PostgresProcessTest
class OnboardingBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  String admin;
  Path profile;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void anAdministratorInASwedishBrowser() throws Exception {
    admin = TestAdministrator.create(identity);
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("onboarding-chromium");
    driver = HeadlessChromium.start("sv-SE", profile);
    wait = HeadlessChromium.waitFor(driver);
  }

  @AfterEach
  void stopBrowser() throws Exception {
    List<String> errors = HeadlessChromium.quitAndCollectPageErrors(driver, profile);
    // the pages are modules: one that fails to load or throws breaks its page without a word on it
    assertThat(errors).as("errors in the browser's console").isEmpty();
  }

  @Test
  void anAdministratorAddsAMunicipalityWithItsPeopleThroughThePageAndImportsAFile() throws Exception {
    driver.get(url("/admin/kommuner.html"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inloggning")));
    assertThat(driver.findElement(By.id("inloggning")).getText()).contains("Logga in i Camunda Admin");
    screenshot("29-admin-kommuner-inte-inloggad");

    // as the page says: the administrator logs in to Camunda Admin, and the page uses that login
    driver.get(url("/camunda/app/admin/default/"));
    By username = By.cssSelector(".form-signin input[ng-model='username']");
    try {
      HeadlessChromium.logInWith(driver, wait, admin, "test");
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("FAILED-onboarding-login");
      throw new AssertionError("No login form at " + driver.getCurrentUrl(), e);
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(username));

    driver.get(url("/admin/kommuner.html"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kommunformular")));
    String tenantId = "kungsor-" + UUID.randomUUID().toString().substring(0, 4);
    driver.findElement(By.id("kommun-id")).sendKeys(tenantId);
    driver.findElement(By.id("kommun-namn")).sendKeys("Kungsör");
    driver.findElement(By.id("polisomrade")).sendKeys("Lokalpolisområde Köping");
    List<String[]> people = List.of(
        new String[] {tenantId + ".polis", "Petra", "Polis", "petra.polis@polisen.se", Role.POLICE_COORDINATOR.groupId()},
        new String[] {tenantId + ".samordnare", "Sam", "Ordnare", "sam.ordnare-kungsor.se",
            Role.MUNICIPAL_COORDINATOR.groupId()},
        new String[] {tenantId + ".lpo", "Lena", "Områdeschef", "lena.lpo@polisen.se", Role.POLICE_STEERING.groupId()});
    for (String[] person : people) {
      click(By.id("ny-person"));
      List<WebElement> rows = driver.findElements(By.cssSelector("#personer .person"));
      WebElement row = rows.get(rows.size() - 1);
      row.findElement(By.name("userId")).sendKeys(person[0]);
      row.findElement(By.name("firstName")).sendKeys(person[1]);
      row.findElement(By.name("lastName")).sendKeys(person[2]);
      row.findElement(By.name("email")).sendKeys(person[3]);
      click(row.findElement(By.cssSelector("input[name=roles][value='" + person[4] + "']")));
    }
    click(By.cssSelector("#kommunformular button[type=submit]"));
    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("formularfel")));
    assertThat(refusal.getText()).contains("Kommunen sparades inte")
        .contains("Person 2: E-post 'sam.ordnare-kungsor.se' är ingen giltig e-postadress");
    assertThat(identity.createTenantQuery().tenantId(tenantId).count()).as("nothing stored").isZero();
    screenshot("30-admin-kommun-nekad");

    WebElement email = driver.findElements(By.cssSelector("#personer .person")).get(1).findElement(By.name("email"));
    email.clear();
    email.sendKeys("sam.ordnare@kungsor.se");
    click(By.cssSelector("#kommunformular button[type=submit]"));
    WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("formularsvar")));
    assertThat(saved.getText()).contains("Sparat. Ändringar:").contains("Lade till kommunen Kungsör (" + tenantId + ")")
        .contains("Gav " + tenantId + ".lpo rollen " + Role.POLICE_STEERING.swedishName());
    WebElement row = wait.until(d -> d.findElements(By.cssSelector("#kommuner tbody tr")).stream()
        .filter(r -> r.getText().contains(tenantId)).findFirst().orElse(null));
    assertThat(row.getText()).contains("Kungsör", "Lokalpolisområde Köping", "Petra Polis",
        Role.MUNICIPAL_STEERING.swedishName());
    assertThat(row.findElement(By.cssSelector(".missing-roles")).getText())
        .isEqualTo(Role.MUNICIPAL_STEERING.swedishName());
    assertThat(driver.findElement(By.id("andringar")).getText()).contains(admin, "Lade till kommunen Kungsör");
    assertThat(identity.createUserQuery().memberOfTenant(tenantId).count()).isEqualTo(3);
    fullPage("31-admin-kommun-sparad");

    Path file = Files.createTempFile("kommuner", ".csv");
    Files.writeString(file, "kommun-id;kommun;lokalpolisområde;användar-id;förnamn;efternamn;e-post;roll\n"
        + tenantId + ";Kungsör;Lokalpolisområde Köping;" + tenantId + ".ks;Kim;Styrelse;kim@kungsor.se;"
        + Role.MUNICIPAL_STEERING.groupId() + "\n"
        + tenantId + ";Kungsör;Lokalpolisområde Köping;" + tenantId + ".x;X;Y;x@kungsor.se;chef\n");
    driver.findElement(By.id("csv-fil")).sendKeys(file.toAbsolutePath().toString());
    click(By.cssSelector("#importformular button[type=submit]"));
    WebElement report = wait.until(d -> {
      WebElement out = d.findElement(By.id("importsvar"));
      return out.getText().contains("rader") ? out : null;
    });
    assertThat(report.getText()).contains("2 rader: 0 nya kommuner, 1 nya personer")
        .contains("Rad 3: okänd roll 'chef'");
    wait.until(d -> d.findElements(By.cssSelector("#kommuner tbody tr")).stream()
        .filter(r -> r.getText().contains(tenantId)).findFirst().map(r -> r.getText().contains("Inget"))
        .orElse(false));
    fullPage("32-admin-import");
    Files.deleteIfExists(file);

    // issue 16: the administration page, with a refusal, a saved municipality and an import report on it, measured
    // with axe-core against WCAG 2.1 A and AA
    java.util.List<String> violations = se.tryggsamverkan.support.Axe.violations(driver);
    System.out.println("AxeReport: /admin/kommuner.html " + se.tryggsamverkan.support.Axe.countsByImpact(violations)
        + " " + violations);
    assertThat(violations).as("serious or critical WCAG 2.1 AA violations")
        .noneMatch(v -> v.startsWith("serious ") || v.startsWith("critical "));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void click(By by) {
    click(wait.until(ExpectedConditions.elementToBeClickable(by)));
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  private void screenshot(String name) throws Exception {
    Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void fullPage(String name) throws Exception {
    Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(HeadlessChromium.WINDOW.getWidth(),
        Math.min(Math.max(height.intValue() + 100, HeadlessChromium.WINDOW.getHeight()), 6000)));
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    screenshot(name);
    driver.manage().window().setSize(HeadlessChromium.WINDOW);
  }
}
