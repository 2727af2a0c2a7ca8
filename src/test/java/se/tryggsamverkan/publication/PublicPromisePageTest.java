package se.tryggsamverkan.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Issue 16, the public page: anyone, without logging in, sees a municipality's signed and published promises and how
 * they are kept, and nothing else: no draft, return, comment, person or other municipality; hostile text is escaped;
 * the coordinators (and only they) withdraw a year or turn the page off.
 */
@PostgresProcessTest
class PublicPromisePageTest {

  static final String HOSTILE = "<script>alert('x')</script> & \"citat\" =SUMMA(A1)";
  static final String RETURN_COMMENT = "HEMLIG-ÅTERREMISS: löftet om trafikkontroller är för vagt";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  Http http;
  TestMunicipality kungsbacka;
  TestMunicipality kavlinge;
  TestMunicipality laholm;
  String kungsbackaAgreement;
  String kungsbackaCycle;

  @BeforeEach
  void twoSignedMunicipalitiesAndOneStillPlanning() {
    init(engine);
    http = new Http(port);
    Clock.setTo("2026-01-02T09:00");
    kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    kavlinge = TestMunicipality.create(identity, "Kävlinge");
    laholm = TestMunicipality.create(identity, "Laholm");

    CycleDriver kb = new CycleDriver(engine, kungsbacka);
    ProcessInstance cycle = kb.cycleAtTheActionPlan("public-" + kungsbacka.tenantId(), 2027, "Buskörning");
    kb.completePlan(cycle, activities(kungsbacka, "AKTIVITET-Trafikkontroller"), "[{\"text\":\"Polisen genomför "
        + "trafikkontroller vid skolorna\",\"party\":\"POLICE\",\"target\":\"minst 1 per vecka\"},{\"text\":"
        + "\"Kommunen och polisen håller en trygghetsvandring\",\"party\":\"BOTH\"}]");
    kb.decide(cycle, TASK_POLICE_STEERING_DECISION, "RETURN", RETURN_COMMENT);
    kb.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    kb.completePlan(cycle, activities(kungsbacka, "AKTIVITET-Trafikkontroller"), "[{\"text\":\"Polisen genomför "
        + "trafikkontroller vid skolorna\",\"party\":\"POLICE\",\"target\":\"minst 1 per vecka\"},{\"text\":"
        + "\"Kommunen och polisen håller en trygghetsvandring\",\"party\":\"BOTH\"}]");
    kb.approveAndSign(cycle);
    kungsbackaAgreement = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    kungsbackaCycle = cycle.getId();

    CycleDriver kv = new CycleDriver(engine, kavlinge);
    ProcessInstance other = kv.cycleAtTheActionPlan("public-" + kavlinge.tenantId(), 2027, "Buskörning");
    kv.completePlan(other, activities(kavlinge, "Nattvandring"), "[{\"text\":" + json(HOSTILE)
        + ",\"party\":\"MUNICIPALITY\",\"target\":\"minst 2 per år\"}]");
    kv.approveAndSign(other);

    CycleDriver lh = new CycleDriver(engine, laholm);
    ProcessInstance planning = lh.cycleAtTheActionPlan("public-" + laholm.tenantId(), 2027, "Buskörning");
    lh.completePlan(planning, activities(laholm, "Ungdomsgård"), "[{\"text\":\"UTKAST-LÖFTE Laholm\","
        + "\"party\":\"BOTH\"}]");
    Clock.setTo("2027-03-01T10:00");
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void anyoneSeesTheSignedPromisesAndHowTheyAreKeptAndNothingElse() {
    HttpResponse<String> page = http.get("/offentlig/" + kungsbacka.tenantId(), null, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<html lang=\"sv\"", "<main id=\"innehall\">",
        "Medborgarlöften 2027 – Kungsbacka", "Lokalpolisområde Kungsbacka",
        "Polisen genomför trafikkontroller vid skolorna", "minst 1 per vecka", "I riskzonen",
        "Kommunen och polisen håller en trygghetsvandring", "Inget mätbart mål",
        "Löftena undertecknades 2025-12-20", "Trygghet i trafik");
    assertThat(page.body()).as("no draft, return, comment, person, activity or other municipality")
        .doesNotContain(RETURN_COMMENT, kungsbacka.user(Role.POLICE_COORDINATOR), kungsbacka.user(Role.POLICE_STEERING),
            "AKTIVITET-", "Förslag till beslut", "alert", "Kävlinge", "UTKAST-LÖFTE");

    JsonNode data = http.parse(http.get("/offentlig/" + kungsbacka.tenantId() + "/loften.json", null, null).body());
    assertThat(data.path("shown").path("year").asInt()).isEqualTo(2027);
    assertThat(data.path("shown").path("promises")).hasSize(2);
    assertThat(data.path("shown").path("promises").get(0).path("verdictName").asText()).isEqualTo("I riskzonen");
    assertThat(data.toString()).doesNotContain(RETURN_COMMENT, kungsbacka.tenantId() + ".");
  }

  @Test
  void hostileTextIsEscapedOnThePageAndPlainInTheOpenData() {
    String body = http.get("/offentlig/" + kavlinge.tenantId(), null, null).body();

    assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
        + "&quot;citat&quot; =SUMMA(A1)");
    JsonNode data = http.parse(http.get("/offentlig/" + kavlinge.tenantId() + "/loften.json", null, null).body());
    assertThat(data.path("shown").path("promises").get(0).path("text").asText()).isEqualTo(HOSTILE);
  }

  @Test
  void theOpenDataNeutralisesFormulasListsEveryPublishedMunicipalityAndAnswers304WhenNothingChanged() {
    HttpResponse<String> csv = http.get("/offentlig/" + kavlinge.tenantId() + "/loften.csv", null, null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Link").orElse("")).contains("creativecommons.org/publicdomain/zero",
        "rel=\"license\"");
    assertThat(csv.body().lines().toList()).hasSize(2);
    assertThat(csv.body()).startsWith("kommun,lokalpolisomrade,ar,nr,lofte,")
        .contains("\"<script>alert('x')</script> & \"\"citat\"\" =SUMMA(A1)\"");
    assertThat(OpenData.cell("=SUMMA(A1)")).isEqualTo("'=SUMMA(A1)");
    for (String formula : new String[] {"+1", "-1", "@SUM(A1)", "\t=1", "\r=1"}) {
      assertThat(OpenData.cell(formula)).as(formula).startsWith("'");
    }
    assertThat(OpenData.cell("Polisen - kommunen")).isEqualTo("Polisen - kommunen");

    JsonNode national = http.parse(http.get("/offentlig/loften.json", null, null).body());
    assertThat(national.path("licens").asText()).startsWith("CC0 1.0");
    List<String> names = new java.util.ArrayList<>();
    national.path("kommuner").forEach(k -> names.add(k.path("municipality").asText()));
    assertThat(names).contains("Kungsbacka", "Kävlinge").doesNotContain("Laholm");
    String nationalCsv = http.get("/offentlig/loften.csv", null, null).body();
    assertThat(nationalCsv).contains("Kungsbacka,Lokalpolisområde Kungsbacka,2027,1,Polisen genomför");

    HttpResponse<String> first = http.get("/offentlig/" + kungsbacka.tenantId() + "/loften.json", null, null);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again;
    try {
      again = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://localhost:" + port + "/offentlig/" + kungsbacka.tenantId() + "/loften.json"))
          .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void whatIsNotSignedPublishedOrThereIsNotFoundTheSameWay() {
    for (String path : new String[] {"/offentlig/" + laholm.tenantId(), "/offentlig/finns-inte",
        "/offentlig/" + kungsbacka.tenantId() + "/2026", "/offentlig/" + laholm.tenantId() + "/loften.json"}) {
      HttpResponse<String> response = http.get(path, null, null);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("UTKAST-LÖFTE", "Exception");
    }
  }

  @Test
  void onlyTheMunicipalitysCoordinatorsWithdrawAYearOrTurnThePageOff() {
    String publication = "/api/tenants/" + kungsbacka.tenantId() + "/agreements/" + kungsbackaAgreement
        + "/years/2027/publication";
    String page = "/api/tenants/" + kungsbacka.tenantId() + "/public-page";
    for (Role role : Role.values()) {
      assertThat(put(publication, kavlinge.user(role), "{\"published\":false}")).as("Kävlinge " + role)
          .isEqualTo(403);
      assertThat(put(page, kavlinge.user(role), "{\"enabled\":false}")).as("Kävlinge " + role).isEqualTo(403);
    }
    for (Role role : new Role[] {Role.POLICE_STEERING, Role.MUNICIPAL_STEERING, Role.ACTIVITY_OWNER}) {
      assertThat(put(publication, kungsbacka.user(role), "{\"published\":false}")).as(role.name()).isEqualTo(403);
    }
    assertThat(put(publication, null, "{\"published\":false}")).isEqualTo(401);
    assertThat(status("/offentlig/" + kungsbacka.tenantId())).isEqualTo(200);

    assertThat(put(publication, kungsbacka.user(Role.MUNICIPAL_COORDINATOR), "{}")).isEqualTo(400);
    assertThat(put(publication, kungsbacka.user(Role.MUNICIPAL_COORDINATOR), "inte json")).isEqualTo(400);
    assertThat(put(publication.replace("2027", "2031"), kungsbacka.user(Role.MUNICIPAL_COORDINATOR),
        "{\"published\":true}")).isEqualTo(400);
    assertThat(put(publication, kungsbacka.user(Role.MUNICIPAL_COORDINATOR), "{\"published\":false}")).isEqualTo(204);
    assertThat(status("/offentlig/" + kungsbacka.tenantId())).as("withdrawn").isEqualTo(404);
    assertThat(put(publication, kungsbacka.user(Role.POLICE_COORDINATOR), "{\"published\":true}")).isEqualTo(204);
    assertThat(status("/offentlig/" + kungsbacka.tenantId())).as("published again").isEqualTo(200);

    assertThat(put(page, kungsbacka.user(Role.POLICE_COORDINATOR), "{\"enabled\":false}")).isEqualTo(204);
    assertThat(status("/offentlig/" + kungsbacka.tenantId())).as("page off").isEqualTo(404);
    assertThat(status("/offentlig/" + kungsbacka.tenantId() + "/loften.json")).isEqualTo(404);
    assertThat(status("/offentlig/" + kavlinge.tenantId())).as("another municipality's page stays").isEqualTo(200);
    assertThat(put(page, kungsbacka.user(Role.MUNICIPAL_COORDINATOR), "{\"enabled\":true}")).isEqualTo(204);
    assertThat(status("/offentlig/" + kungsbacka.tenantId())).isEqualTo(200);
  }

  @Test
  void promisesSignedWithoutPublishingStayOffThePage() {
    TestMunicipality falkenberg = TestMunicipality.create(identity, "Falkenberg");
    Clock.setTo("2026-01-02T09:00");
    CycleDriver driver = new CycleDriver(engine, falkenberg);
    ProcessInstance cycle = driver.cycleAtTheActionPlan("public-" + falkenberg.tenantId(), 2027, "Buskörning");
    driver.completePlan(cycle, activities(falkenberg, "Nattvandring"), "[{\"text\":\"Falkenbergs löfte\","
        + "\"party\":\"BOTH\"}]");
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(cycle, TASK_SIGN_AND_PUBLISH,
        Map.of(SIGNED_ON.name(), "2026-13-40", "publishedAt", "kommunens webbplats")))
        .hasMessageContaining("Undertecknat den är inget giltigt datum");
    assertThat(status("/offentlig/" + falkenberg.tenantId())).as("a refused signing publishes nothing").isEqualTo(404);
    driver.complete(cycle, TASK_SIGN_AND_PUBLISH, Map.of(SIGNED_ON.name(), "2026-12-18", "publishedAt",
        "kommunens webbplats", PUBLISH_PROMISES.name(), false));

    assertThat(status("/offentlig/" + falkenberg.tenantId())).isEqualTo(404);
  }

  @Test
  void theSignedDocumentShowsTheBackgroundPerFocusAreaThenThePromisesAndStaysAsSigned() throws Exception {
    String publicBase = "/offentlig/" + kungsbacka.tenantId() + "/2027/medborgarloften";
    String page = http.get("/offentlig/" + kungsbacka.tenantId(), null, null).body();
    assertThat(page).contains("href=\"" + publicBase + ".pdf\"", "href=\"" + publicBase + ".html\"");

    HttpResponse<String> html = http.get(publicBase + ".html", null, null);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
    String body = html.body();
    assertThat(body).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"sv\"",
        "Medborgarlöften 2027 – Kungsbacka", "Undertecknade <span class=\"date\">2025-12-20</span>",
        "Lokalpolisområdeschef, Lokalpolisområde "
            + "Kungsbacka");
    assertThat(body).as("background per focus area, then the promises, then the signatories").containsSubsequence(
        ">Bakgrund</h2>", ">Trygghet i trafik</h3>", ">Buskörning</h4>", ">Trygghet i offentlig miljö</h3>",
        "Ingen bakgrund är beskriven för fokusområdet.", ">Våra medborgarlöften 2027</h2>",
        "Polisen genomför trafikkontroller vid skolorna", "Polisen lovar. Mätbart mål: minst 1 per vecka.",
        "Kommunen och polisen håller en trygghetsvandring", "Kommunen och polisen lovar. Löftet har inget mätbart mål.",
        ">Underskrifter</h2>");
    assertThat(body).as("nothing of the return, its comment, activities or people").doesNotContain(RETURN_COMMENT,
        "AKTIVITET-", kungsbacka.user(Role.POLICE_COORDINATOR), kungsbacka.user(Role.MUNICIPAL_STEERING));

    HttpResponse<byte[]> pdf = http.getBytes(publicBase + ".pdf", null, null);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
        .contains("medborgarloften-" + kungsbacka.tenantId() + "-2027.pdf");
    assertThat(pdfText(pdf.body())).containsSubsequence("Medborgarlöften 2027 – Kungsbacka", "Bakgrund",
        "Trygghet i trafik", "Buskörning", "Våra medborgarlöften 2027", "Polisen genomför trafikkontroller vid "
            + "skolorna", "Kommunen och polisen håller en trygghetsvandring", "Underskrifter");

    // a promise added during the year is on the page, not in what was signed
    jdbc.sql("update citizen_promise set text = 'ÄNDRAD EFTER UNDERTECKNANDET' where agreement_id = :a "
        + "and position = 1").param("a", kungsbackaAgreement).update();
    assertThat(http.get("/offentlig/" + kungsbacka.tenantId(), null, null).body())
        .contains("ÄNDRAD EFTER UNDERTECKNANDET");
    assertThat(http.get(publicBase + ".html", null, null).body()).doesNotContain("ÄNDRAD EFTER UNDERTECKNANDET")
        .contains("Kommunen och polisen håller en trygghetsvandring");

    // the signing links to it, through the product's API
    var attachments = engine.getTaskService().getProcessInstanceAttachments(kungsbackaCycle);
    assertThat(attachments).extracting(org.camunda.bpm.engine.task.Attachment::getUrl)
        .contains("/api/tenants/" + kungsbacka.tenantId() + "/agreements/" + kungsbackaAgreement
            + "/years/2027/promise-document.pdf");
    assertThat(attachments).filteredOn(a -> a.getUrl() != null).allSatisfy(a -> assertThat(a.getTaskId()).isNotNull());
  }

  @Test
  void theSignedDocumentIsReadByTheMunicipalityAndByAnyoneOnlyWhenPublished() {
    String api = "/api/tenants/" + kungsbacka.tenantId() + "/agreements/" + kungsbackaAgreement
        + "/years/2027/promise-document";
    for (Role role : Role.values()) {
      assertThat(http.getBytes(api + ".pdf", kungsbacka.user(role), "test").statusCode()).as(role.name())
          .isEqualTo(200);
      assertThat(http.get(api + ".html", kavlinge.user(role), "test").statusCode()).as("Kävlinge " + role)
          .isEqualTo(403);
    }
    assertThat(http.get(api + ".html", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> publication = http.get(api.replace("promise-document", "publication"),
        kungsbacka.user(Role.POLICE_STEERING), "test");
    JsonNode status = http.parse(publication.body());
    assertThat(status.path("signedOn").asText()).isEqualTo("2025-12-20");
    assertThat(status.path("published").asBoolean()).isTrue();
    assertThat(status.path("mayChange").asBoolean()).as("the steering group only reads").isFalse();
    assertThat(status.path("publicPage").asText()).isEqualTo("/offentlig/" + kungsbacka.tenantId() + "/2027");
    assertThat(http.parse(http.get(api.replace("promise-document", "publication"),
        kungsbacka.user(Role.MUNICIPAL_COORDINATOR), "test").body()).path("mayChange").asBoolean()).isTrue();

    String laholmAgreement = jdbc.sql("select id from agreement where tenant_id = :t").param("t", laholm.tenantId())
        .query(String.class).single();
    HttpResponse<String> unsigned = http.get("/api/tenants/" + laholm.tenantId() + "/agreements/" + laholmAgreement
        + "/years/2027/promise-document.html", laholm.user(Role.MUNICIPAL_COORDINATOR), "test");
    assertThat(unsigned.statusCode()).isEqualTo(404);
    assertThat(unsigned.body()).contains("Medborgarlöftena för 2027 är inte undertecknade än");
    assertThat(status("/offentlig/" + laholm.tenantId() + "/2027/medborgarloften.pdf")).isEqualTo(404);

    String publicPdf = "/offentlig/" + kungsbacka.tenantId() + "/2027/medborgarloften.pdf";
    assertThat(put(api.replace("promise-document", "publication"), kungsbacka.user(Role.POLICE_COORDINATOR),
        "{\"published\":false}")).isEqualTo(204);
    assertThat(status(publicPdf)).as("withdrawn").isEqualTo(404);
    assertThat(status(publicPdf.replace(".pdf", ".html"))).as("withdrawn").isEqualTo(404);
    assertThat(http.getBytes(api + ".pdf", kungsbacka.user(Role.ACTIVITY_OWNER), "test").statusCode())
        .as("still the municipality's own").isEqualTo(200);
  }

  @Test
  void hostileTextIsEscapedInTheSignedDocumentAndPrintedAsTyped() throws Exception {
    String base = "/offentlig/" + kavlinge.tenantId() + "/2027/medborgarloften";
    String html = http.get(base + ".html", null, null).body();
    assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
        + "&quot;citat&quot; =SUMMA(A1)");
    assertThat(pdfText(http.getBytes(base + ".pdf", null, null).body())).contains(HOSTILE);
  }

  private static String pdfText(byte[] pdf) throws java.io.IOException {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private int status(String path) {
    return http.get(path, null, null).statusCode();
  }

  private int put(String path, String user, String body) {
    return http.send("PUT", path, user, "test", body).statusCode();
  }

  private static String activities(TestMunicipality m, String description) {
    return "[{\"focusArea\":\"Trygghet i trafik\",\"description\":\"" + description + "\",\"expectedEffect\":"
        + "\"Tryggare\",\"responsibleParty\":\"BOTH\",\"responsiblePerson\":\"" + m.user(Role.ACTIVITY_OWNER)
        + "\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"indicators\":\"Antal\","
        + "\"followUpInterval\":\"QUARTERLY\"}]";
  }

  private static String json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
