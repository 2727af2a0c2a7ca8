package se.tryggsamverkan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;
import se.tryggsamverkan.support.WebappSession;

/**
 * A fault of the server's own on a door outside the project's API: the public page that anyone opens without
 * logging in, while the table it reads is away, and the engine's own REST doors while its task table is away: the answer, for a browser and for a program, says in Swedish that
 * something went wrong and gives a reference; the error's own words (a table's name, SQL) are only in the log, under
 * that reference. A refusal (404) keeps its own message.
 */
@PostgresProcessTest
@ExtendWith(OutputCaptureExtension.class)
class ServerFaultsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aBrowserAndAProgramGetASwedishAnswerWithAReferenceAndTheLogHasTheCause(CapturedOutput log) throws Exception {
    List<HttpResponse<String>> answers = whileAway("public_page", () -> List.of(
        get("/offentlig/kungsbacka", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
        get("/offentlig/kungsbacka/loften.json", "application/json")));
    HttpResponse<String> browser = answers.get(0);
    HttpResponse<String> program = answers.get(1);

    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(answer.body()).contains(Faults.MESSAGE)
          .doesNotContainIgnoringCase("public_page").doesNotContainIgnoringCase("select")
          .doesNotContain("Exception");
    }
    // a Swedish page, not Spring Boot's English fallback
    assertThat(browser.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("html"));
    assertThat(browser.body()).contains("<html lang=\"sv\"", "<h1>Något gick fel hos oss</h1>", "Felkod 500")
        .doesNotContain("Whitelabel", "unexpected error");
    String reference = program.body().replaceAll("(?s).*\"reference\":\"([0-9a-f]{8})\".*", "$1");
    assertThat(reference).matches("[0-9a-f]{8}");
    assertThat(log.getOut()).containsPattern("Server error answered at /offentlig/kungsbacka/loften.json, reference "
        + reference + ": .*public_page");
  }

  @Test
  void aRefusalKeepsItsOwnMessage() throws Exception {
    HttpResponse<String> unknown = get("/offentlig/finns-inte/loften.json", "application/json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain(Faults.MESSAGE).doesNotContain("\"reference\"");
    HttpResponse<String> page = get("/offentlig/finns-inte", "text/html");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<h1>Sidan finns inte</h1>", "Felkod 404")
        .doesNotContain(Faults.MESSAGE, "Whitelabel");
    HttpResponse<String> nothing = get("/finns/inte/alls", "text/html");
    assertThat(nothing.statusCode()).isEqualTo(404);
    assertThat(nothing.body()).contains("<h1>Sidan finns inte</h1>").doesNotContain("No static resource");
  }

  /**
   * The engine's own doors, as a municipality's coordinator, while the engine's task table is away: Camunda answers
   * "An exception occurred in the persistence layer. Please check the server logs …" in English.
   */
  @Test
  void theEnginesDoorsAnswerADatabaseFaultInSwedishWithAReference(CapturedOutput log) throws Exception {
    String user = TestMunicipality.create(identity, "Kungsbacka").user(Role.MUNICIPAL_COORDINATOR);
    WebappSession webapp = WebappSession.logIn(port, user);
    List<HttpResponse<String>> answers = whileAway("act_ru_task", () -> List.of(
        new Http(port).get("/engine-rest/task?maxResults=5", user, "test"),
        webapp.send("GET", WebappSession.ENGINE_API + "/task?maxResults=5", null)));

    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(answer.body()).contains(Faults.MESSAGE).doesNotContainIgnoringCase("act_ru_task")
          .doesNotContain("###", "SQL", "Please check the server logs");
      String reference = answer.body().replaceAll("(?s).*referensen ([0-9a-f]{8}).*", "$1");
      assertThat(log.getOut()).containsPattern("Database error on GET /[a-z/-]*task, reference " + reference);
    }
    // (in plain text or, on the profile that logs JSON, with its quotes escaped)
    assertThat(log.getOut()).as("the engine's own log line has the cause")
        .containsPattern("act_ru_task\\\\?\" does not exist");
    assertThat(new Http(port).get("/engine-rest/task/count", user, "test").statusCode())
        .as("the table back, the same door answers").isEqualTo(200);
  }

  /** The answers to these calls while the table is renamed; it is back afterwards, whatever happened. */
  private <T> T whileAway(String table, Callable<T> calls) throws Exception {
    jdbc.sql("alter table " + table + " rename to " + table + "_away").update();
    try {
      return calls.call();
    } finally {
      jdbc.sql("alter table " + table + "_away rename to " + table).update();
    }
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
