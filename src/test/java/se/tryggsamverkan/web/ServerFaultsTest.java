package se.tryggsamverkan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import se.tryggsamverkan.support.PostgresProcessTest;

/**
 * A fault of the server's own on a door outside the project's API, here the public page that anyone opens without
 * logging in, while the table it reads is away: the answer, for a browser and for a program, says in Swedish that
 * something went wrong and gives a reference; the error's own words (a table's name, SQL) are only in the log, under
 * that reference. A refusal (404) keeps its own message.
 */
@PostgresProcessTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ServerFaultsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void thePublicPagesTableIsAway() {
    jdbc.sql("alter table public_page rename to public_page_away").update();
  }

  @AfterEach
  void back() {
    jdbc.sql("alter table public_page_away rename to public_page").update();
  }

  @Test
  void aBrowserAndAProgramGetASwedishAnswerWithAReferenceAndTheLogHasTheCause(CapturedOutput log) throws Exception {
    HttpResponse<String> browser = get("/offentlig/kungsbacka", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    HttpResponse<String> program = get("/offentlig/kungsbacka/loften.json", "application/json");

    for (HttpResponse<String> answer : java.util.List.of(browser, program)) {
      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(answer.body()).contains(ApiErrors.UNEXPECTED)
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
    back();
    try {
      HttpResponse<String> unknown = get("/offentlig/finns-inte/loften.json", "application/json");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).doesNotContain(ApiErrors.UNEXPECTED).doesNotContain("\"reference\"");
      HttpResponse<String> page = get("/offentlig/finns-inte", "text/html");
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.body()).contains("<h1>Sidan finns inte</h1>", "Felkod 404")
          .doesNotContain(ApiErrors.UNEXPECTED, "Whitelabel");
      HttpResponse<String> nothing = get("/finns/inte/alls", "text/html");
      assertThat(nothing.statusCode()).isEqualTo(404);
      assertThat(nothing.body()).contains("<h1>Sidan finns inte</h1>").doesNotContain("No static resource");
    } finally {
      thePublicPagesTableIsAway();
    }
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
