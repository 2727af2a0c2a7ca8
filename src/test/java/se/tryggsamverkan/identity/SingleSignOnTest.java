package se.tryggsamverkan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.HeadlessChromium;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestAdministrator;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Single sign-on against a real OpenID Connect server running in the test (mock-oauth2-server): bearer tokens on
 * the engine's REST API and ours, and the authorization-code login of a Swedish browser into Tasklist and the
 * overview, with roles and municipalities taken from the token's claims; the user appears in the engine's directory;
 * a token of another municipality sees nothing of this one; a token without a role gets a Swedish refusal; logout
 * ends the provider's session too.
 */
@PostgresProcessTest
@ActiveProfiles("sso")
class SingleSignOnTest {

  private static final String CLIENT_ID = "trygg-samverkan";
  private static final String ISSUER = "trygg";
  private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  static {
    PROVIDER.start();
  }

  @DynamicPropertySource
  static void theProvider(DynamicPropertyRegistry properties) {
    properties.add("SSO_ISSUER_URI", () -> PROVIDER.issuerUrl(ISSUER).toString());
    properties.add("SSO_CLIENT_ID", () -> CLIENT_ID);
    properties.add("SSO_CLIENT_SECRET", () -> "hemligt");
  }

  @AfterAll
  static void stopTheProvider() {
    PROVIDER.shutdown();
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  TestMunicipality kungsbacka;
  TestMunicipality kavlinge;
  Task kungsbackasTask;
  Task kavlingesTask;

  @BeforeEach
  void twoMunicipalitiesWithWorkWaiting() {
    Clock.setTo("2026-01-02T09:00");
    // an installation has an administrator (without one, the web applications open their set-up page)
    if (identity.createUserQuery().memberOfGroup("camunda-admin").count() == 0) {
      TestAdministrator.create(identity);
    }
    kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    kavlinge = TestMunicipality.create(identity, "Kävlinge");
    kungsbackasTask = situationPictureTask(kungsbacka);
    kavlingesTask = situationPictureTask(kavlinge);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void aBearerTokenOnBothApisActsAsItsUserWithTheRolesAndMunicipalitiesOfItsClaims() throws Exception {
    String user = "siv.polis." + kungsbacka.tenantId();
    String token = token(user, "Siv", "Polis", List.of(Role.POLICE_COORDINATOR.groupId(), "en-annan-grupp"),
        List.of(kungsbacka.tenantId(), "finns-inte"));
    Http http = new Http(port);

    JsonNode tasks = bearer("/engine-rest/task", token);
    assertThat(ids(tasks)).as(tasks.toString()).contains(kungsbackasTask.getId()).doesNotContain(kavlingesTask.getId());
    assertThat(bearerStatus("/engine-rest/task/" + kavlingesTask.getId(), token)).isEqualTo(404);
    assertThat(bearer("/api/overview", token).toString()).contains("Kungsbacka").doesNotContain("Kävlinge");

    User appeared = identity.createUserQuery().userId(user).singleResult();
    assertThat(appeared).as("in the engine's directory at first use").isNotNull();
    assertThat(appeared.getEmail()).isEqualTo(user + "@polisen.se");
    assertThat(appeared.getFirstName() + " " + appeared.getLastName()).isEqualTo("Siv Polis");
    assertThat(identity.createGroupQuery().groupMember(user).list()).extracting(g -> g.getId())
        .containsExactly(Role.POLICE_COORDINATOR.groupId());
    assertThat(identity.createTenantQuery().userMember(user).list()).extracting(t -> t.getId())
        .containsExactly(kungsbacka.tenantId());

    String theirs = token("karin." + kavlinge.tenantId(), "Karin", "Polis",
        List.of(Role.POLICE_COORDINATOR.groupId()), List.of(kavlinge.tenantId()));
    assertThat(ids(bearer("/engine-rest/task", theirs))).contains(kavlingesTask.getId())
        .doesNotContain(kungsbackasTask.getId());
    assertThat(bearerStatus("/api/tenants/" + kungsbacka.tenantId() + "/agreements", theirs)).isEqualTo(403);

    String noRole = token("ingen.roll", "Ingen", "Roll", List.of(), List.of(kungsbacka.tenantId()));
    assertThat(bearerStatus("/engine-rest/task", noRole)).isEqualTo(401);
    assertThat(bearerStatus("/api/overview", noRole)).isEqualTo(401);
    assertThat(bearerStatus("/engine-rest/task", token.substring(0, token.length() - 4) + "AAAA"))
        .as("a token whose signature does not hold").isEqualTo(401);
    assertThat(http.get("/engine-rest/task", kungsbacka.user(Role.POLICE_COORDINATOR), "test").statusCode())
        .as("HTTP Basic still works").isEqualTo(200);
  }

  @Test
  @Tag("browser")
  void aCoordinatorLogsInThroughTheProviderIntoTasklistAndTheOverviewAndLogsOutOfBoth() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path profile = Files.createTempDirectory("sso-chromium");
    WebDriver browser = HeadlessChromium.start("sv-SE", profile);
    WebDriverWait wait = HeadlessChromium.waitFor(browser);
    try {
      String user = "sara.samordnare." + kungsbacka.tenantId();
      PROVIDER.enqueueCallback(callback(user, "Sara", "Samordnare", List.of(Role.POLICE_COORDINATOR.groupId()),
          List.of(kungsbacka.tenantId())));
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      try {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "Sara Samordnare"));
      } catch (org.openqa.selenium.TimeoutException e) {
        screenshot(browser, "FAILED-sso-login");
        throw new AssertionError("At " + browser.getCurrentUrl() + ": " + browser.getPageSource().substring(0,
            Math.min(3000, browser.getPageSource().length())), e);
      }
      assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/default/");
      // the roles of the token are the user's groups: the shared filter of their groups lists Kungsbacka's task
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'task-filters')]"
          + "//*[normalize-space(text())='Min grupps uppgifter']"))).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasks] .tasks-list"),
          kungsbackasTask.getName()));
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + kungsbackasTask.getId());
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"),
          kungsbackasTask.getName()));
      screenshot(browser, "40-sso-tasklist");

      browser.get("http://localhost:" + port + "/oversikt/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oversikt")));
      assertThat(browser.findElement(By.id("oversikt")).getText()).contains("Kungsbacka").doesNotContain("Kävlinge");
      screenshot(browser, "41-sso-oversikt");

      // Tasklist's own "Logga ut": Camunda ends its login, and our script ends the provider's session too
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "Sara Samordnare"));
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account > a.dropdown-toggle"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout > a[ng-click='logout()']")))
          .click();
      wait.until(ExpectedConditions.urlContains("/sso/utloggad.html"));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Du är utloggad");
      screenshot(browser, "42-sso-utloggad");
      // the session is gone: Tasklist asks the provider again, and this time its token gives no role: a Swedish
      // page, not an empty Tasklist (nor Sara's)
      PROVIDER.enqueueCallback(callback("utan.roll", "Utan", "Roll", List.of(), List.of(kungsbacka.tenantId())));
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
      // Spring Security forwards to the page (403), under the address the user asked for
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
          "Du har ingen behörighet i Trygg samverkan"));
      assertThat(browser.getPageSource()).doesNotContain("Sara Samordnare");
      screenshot(browser, "43-sso-ingen-behorighet");
      assertThat(identity.createUserQuery().userId("utan.roll").count()).as("not added to the directory").isZero();
    } finally {
      browser.quit();
      HeadlessChromium.deleteProfile(profile);
    }
  }

  private Task situationPictureTask(TestMunicipality municipality) {
    CycleDriver driver = new CycleDriver(engine, municipality);
    return driver.task(driver.cycleAtTheSituationPictures("sso-" + municipality.tenantId(), 2027),
        "Task_PoliceSituationPicture");
  }

  private static DefaultOAuth2TokenCallback callback(String user, String first, String last, List<String> groups,
      List<String> municipalities) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("preferred_username", user);
    claims.put("given_name", first);
    claims.put("family_name", last);
    claims.put("email", user + "@polisen.se");
    claims.put("groups", groups);
    claims.put("municipalities", municipalities);
    return new DefaultOAuth2TokenCallback(ISSUER, user, "JWT", List.of(CLIENT_ID), claims, 3600);
  }

  private static String token(String user, String first, String last, List<String> groups,
      List<String> municipalities) {
    return PROVIDER.issueToken(ISSUER, CLIENT_ID, callback(user, first, last, groups, municipalities)).serialize();
  }

  private HttpResponse<String> bearerCall(String path, String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode bearer(String path, String token) throws Exception {
    HttpResponse<String> response = bearerCall(path, token);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return new Http(port).parse(response.body());
  }

  private int bearerStatus(String path, String token) throws Exception {
    return bearerCall(path, token).statusCode();
  }

  private static List<String> ids(JsonNode tasks) {
    return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("id").asText()).toList();
  }

  private static void screenshot(WebDriver browser, String name) throws Exception {
    Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
