package se.tryggsamverkan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * The yearly report for a year lived through on the engine: a draft attached to the report task, the final one
 * archived when the coordinators complete it, both fetched through the API by the municipality and by no one else.
 */
@PostgresProcessTest
class YearlyReportTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  Http http;
  TestMunicipality kb;
  CycleDriver driver;
  ProcessInstance cycle;
  String base;

  /** 2027's plan with two activities, followed up all year: the night walks finished, the letters late. */
  @BeforeEach
  void aYearFollowedUpToTheReportTask() {
    init(engine);
    http = new Http(port);
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Kungsbacka");
    driver = new CycleDriver(engine, kb);
    cycle = driver.cycle(driver.startAgreement("yr-" + kb.tenantId(),
        kb.agreementStart("2027-01-01", "2027-12-31", "MUNICIPALITY")), 2027);
    driver.runDueTimers(cycle);
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning vid skolor");
    driver.completeCauseAnalyses(cycle);
    driver.completePlan(cycle, "[" + activity("Nattvandringsutbildning", "2027-12-31") + ","
        + activity("Föräldrabrev om narkotika", "2027-06-30") + "]", "[{\"text\":\"Polisen genomför "
        + "trafikkontroller\",\"party\":\"POLICE\",\"target\":\"minst 2 per år\"}]");
    Clock.setTo("2026-12-20T10:00");
    driver.approveAndSign(cycle);
    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2020-06-10",
        "steeringMeetingPlace", "Polisstationen"));
    driver.complete(cycle, TASK_HALF_YEAR_FOLLOW_UP, Map.of(HALF_YEAR_CONCLUSIONS.name(), "Breven dröjer",
        HALF_YEAR_PLAN_CHANGES.name(), "Breven skickas via skolorna"));
    driver.driveActivityFollowUps(cycle, task -> task.getName().contains("Nattvandring")
        ? CycleDriver.ongoingUntilTheLastFollowUp(task)
        : Map.of(ACTIVITY_STATUS.name(), "ONGOING", STATUS_COMMENT.name(), "Brev två av tre är skickat",
            PROMISE_OCCURRENCES.name(), CycleDriver.json("[{\"promise\":\"1\",\"date\":\""
                + CycleDriver.followUpDay(task).minusDays(3) + "\"}]")));
    String agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    base = "/api/tenants/" + kb.tenantId() + "/agreements/" + agreementId + "/years/2027";
  }

  private String activity(String description, String end) {
    return "{\"focusArea\":\"Trygghet i trafik\",\"description\":\"" + description + "\",\"expectedEffect\":"
        + "\"Tryggare\",\"responsibleParty\":\"BOTH\",\"responsiblePerson\":\"" + kb.user(Role.ACTIVITY_OWNER)
        + "\",\"startDate\":\"2027-01-01\",\"endDate\":\"" + end + "\",\"indicators\":\"Antal\","
        + "\"followUpInterval\":\"QUARTERLY\"}";
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void theReportTaskComesWithADraftAttachedAndLinked() throws Exception {
    Task task = driver.task(cycle, TASK_YEARLY_FOLLOW_UP_REPORT);
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).singleElement()
        .satisfies(a -> assertThat(a.getType()).isEqualTo("application/pdf"))
        .satisfies(a -> assertThat(a.getUrl()).isEqualTo(base + "/report.pdf?version=1"))
        .extracting(Attachment::getName).isEqualTo("uppfoljning-" + kb.tenantId() + "-2027-utkast-1.pdf");
    assertThat(engine.getTaskService().getVariable(task.getId(), REPORT_PDF_URL.name()))
        .isEqualTo(base + "/report.pdf");

    String text = pdfText(http.getBytes(base + "/report.pdf", kb.user(Role.POLICE_COORDINATOR), "test").body());
    assertThat(text).contains("UTKAST").contains("Sammanfattningen skrivs av samordnarna");
  }

  @Test
  void theFinalReportHoldsEveryActivityWithItsStatusAndCommentAndThePromises() throws Exception {
    Task task = driver.task(cycle, TASK_YEARLY_FOLLOW_UP_REPORT);
    Clock.setTo("2028-02-10T10:00");
    driver.complete(cycle, TASK_YEARLY_FOLLOW_UP_REPORT, Map.of(YEARLY_REPORT_SUMMARY.name(),
        "Nattvandringen nådde målen; breven blev försenade.", PRESENTED_TO_BOARD_ON.name(), "2028-02-20",
        LESSONS_FOR_NEXT_YEAR.name(), "Skicka breven via skolorna"));
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
        .getEndTime()).isNotNull();

    JsonNode versions = http.json(base + "/reports", kb.user(Role.MUNICIPAL_STEERING), "test");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).path("isFinal").asBoolean()).isTrue();
    assertThat(versions.get(0).path("isFinal").asBoolean()).isFalse();
    // issue 18: neither the timer job that drafted the report nor the completion printed a PDF; the cycle links to
    // the final version, which is printed once, when it is first asked for
    assertThat(versions.get(1).path("pdfBytes").isNull()).as("not printed in the completion").isTrue();
    assertThat(engine.getTaskService().getProcessInstanceAttachments(cycle.getId()))
        .filteredOn(a -> a.getTaskId() == null).singleElement()
        .satisfies(a -> assertThat(a.getUrl()).isEqualTo(base + "/report.pdf?version=2"));

    var pdf = http.getBytes(base + "/report.pdf", kb.user(Role.MUNICIPAL_COORDINATOR), "test");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(http.json(base + "/reports", kb.user(Role.MUNICIPAL_STEERING), "test").get(1).path("pdfBytes").asInt())
        .as("kept once printed").isEqualTo(pdf.body().length);
    assertThat(http.getBytes(base + "/report.pdf?version=2", kb.user(Role.MUNICIPAL_COORDINATOR), "test").body())
        .as("the kept copy, not a new print").isEqualTo(pdf.body());
    assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
    String text = pdfText(pdf.body());
    assertThat(text).contains("Uppföljning 2027").contains("Kungsbacka")
        .contains("Nattvandringen nådde målen; breven blev försenade.")
        .contains("Nattvandringsutbildning").contains("Avslutad").contains("Klart enligt plan")
        .contains("Föräldrabrev om narkotika").contains("Försenad").contains("Brev två av tre är skickat")
        .contains("Polisen genomför trafikkontroller").contains("minst 2 per år").contains("Hållet")
        .contains("Breven skickas via skolorna").contains("Skicka breven via skolorna")
        .doesNotContain("UTKAST");

    var html = http.get(base + "/report.html", kb.user(Role.ACTIVITY_OWNER), "test");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'");
    Document dom = parse(html.body());
    assertThat(dom.getDocumentElement().getTextContent()).contains("Föräldrabrev om narkotika")
        // in the PDF a name longer than its column wraps inside it (checked by eye: target/reports)
        .contains("(Aktivitetsansvarig Kungsbacka)")
        // the meeting's day, not the day the task was completed (2026-12-20 here)
        .contains("Styrgruppens möte 2020-06-10").doesNotContain("Styrgruppens möte 2026-12-20")
        // a one-year agreement is named by its year ("2027–2027" before)
        .contains("samverkansöverenskommelsen 2027.").doesNotContain("2027–2027");
    assertThat(dom.getElementsByTagName("script").getLength()).isZero();
  }

  @Test
  void theFinalReportNeedsSummaryBoardDateAndLessons() {
    assertThatThrownBy(() -> driver.complete(cycle, TASK_YEARLY_FOLLOW_UP_REPORT, Map.of(
        PRESENTED_TO_BOARD_ON.name(), "2028-02-20")))
        .hasMessageContaining("Sammanfattning av året måste fyllas i")
        .hasMessageContaining("Lärdomar till nästa års lägesbild måste fyllas i");
    assertThatThrownBy(() -> driver.complete(cycle, TASK_YEARLY_FOLLOW_UP_REPORT, Map.of(
        YEARLY_REPORT_SUMMARY.name(), "Bra år", LESSONS_FOR_NEXT_YEAR.name(), "Mer",
        PRESENTED_TO_BOARD_ON.name(), "2031-02-20")))
        .hasMessageContaining("Datum för kommunstyrelsen 2031-02-20 ska ligga under 2027 eller 2028");
    assertThat(http.json(base + "/reports", kb.user(Role.POLICE_COORDINATOR), "test")).hasSize(1);
  }

  @Test
  void anotherMunicipalityCannotFetchTheReport() {
    TestMunicipality other = TestMunicipality.create(identity, "Kävlinge");
    var pdf = http.getBytes(base + "/report.pdf", other.user(Role.POLICE_COORDINATOR), "test");
    var html = http.get(base + "/report.html", other.user(Role.MUNICIPAL_COORDINATOR), "test");
    var list = http.get(base + "/reports", other.user(Role.POLICE_STEERING), "test");

    assertThat(pdf.statusCode()).isEqualTo(403);
    assertThat(new String(pdf.body(), StandardCharsets.UTF_8)).contains("Du har inte behörighet till kommunen");
    assertThat(html.statusCode()).isEqualTo(403);
    assertThat(list.statusCode()).isEqualTo(403);
    assertThat(http.get(base.replace("/years/2027", "/years/2026") + "/report.pdf",
        kb.user(Role.POLICE_COORDINATOR), "test").statusCode()).isEqualTo(404);
    assertThat(http.get(base + "/report.pdf", kb.user(Role.POLICE_COORDINATOR), "fel lösenord").statusCode())
        .isEqualTo(401);
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }
}
