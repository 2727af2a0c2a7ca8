package se.tryggsamverkan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * A year of real size through the engine, from the situation picture to the final report: Kungälv's follow-up of
 * 2023 (seed 004, chapter 4) as it was written, five focus areas with their interventions, 27 activities and their
 * comments at full length (the longest 2,501 characters), and Kungsbacka's twelve published promises (seed 000) as
 * the plan's promises, since Kungälv's follow-up lists none. The report must hold every word of it.
 */
@PostgresProcessTest
class RealSizeYearTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void kungalvsWholeFollowUpOf2023GoesThroughACycleAndTheReportHoldsAllOfIt() throws Exception {
    JsonNode seed = new ObjectMapper().readTree(resource("/seeds/kungalv-uppfoljning-2023.json"));
    List<JsonNode> areas = new ArrayList<>();
    seed.path("focusAreas").forEach(areas::add);
    List<JsonNode> activities = new ArrayList<>();
    areas.forEach(area -> area.path("activities").forEach(activities::add));
    List<String> promises = kungsbackasPromises();
    assertThat(areas).hasSize(5);
    assertThat(activities).hasSize(27);
    assertThat(activities.stream().mapToInt(a -> a.path("comment").asText().length()).max().orElseThrow())
        .isGreaterThanOrEqualTo(2_500);
    assertThat(promises).hasSize(12);

    init(engine);
    Clock.setTo("2022-01-03T09:00");
    TestMunicipality kungalv = TestMunicipality.create(identity, "Kungälv");
    CycleDriver driver = new CycleDriver(engine, kungalv);
    ProcessInstance cycle = driver.cycle(driver.startAgreement("real-" + kungalv.tenantId(),
        kungalv.agreementStart("2023-01-01", "2026-12-31", "MUNICIPALITY")), 2023);
    driver.runDueTimers(cycle);
    driver.completeSituationPictures(cycle);

    ObjectMapper json = new ObjectMapper();
    ArrayNode focusAreas = json.createArrayNode();
    ArrayNode problems = json.createArrayNode();
    for (JsonNode area : areas) {
      focusAreas.addObject().put("name", area.path("name").asText());
      problems.addObject().put("title", area.path("intervention").asText()).put("focusArea", area.path("name").asText());
    }
    driver.complete(cycle, TASK_MERGE_AND_PRIORITISE, Map.of(JOINT_SITUATION_PICTURE.name(),
        "Kommunens och polisens gemensamma lägesbild för 2023", FOCUS_AREAS.name(), CycleDriver.json(focusAreas.toString()),
        PRIORITISED_PROBLEMS.name(), CycleDriver.json(problems.toString())));
    driver.completeCauseAnalyses(cycle);

    ArrayNode plannedActivities = json.createArrayNode();
    String[] parties = {"MUNICIPALITY", "POLICE", "BOTH"};
    for (JsonNode area : areas) {
      for (JsonNode activity : area.path("activities")) {
        plannedActivities.addObject().put("focusArea", area.path("name").asText())
            .put("description", activity.path("description").asText())
            .put("expectedEffect", area.path("intervention").asText())
            .put("responsibleParty", parties[plannedActivities.size() % 3])
            .put("responsiblePerson", kungalv.user(Role.ACTIVITY_OWNER))
            .put("startDate", "2023-01-01").put("endDate", "2023-12-31")
            .put("indicators", "Uppföljning i styrgruppen vid halvåret och i årsrapporten")
            .put("followUpInterval", "HALF_YEARLY");
      }
    }
    ArrayNode plannedPromises = json.createArrayNode();
    promises.forEach(text -> plannedPromises.addObject().put("text", text).put("party", "BOTH")
        .put("target", "minst 1 per år"));
    driver.completePlan(cycle, plannedActivities.toString(), plannedPromises.toString());
    assertThat(PLAN_SUMMARY.of(engine.getRuntimeService().getVariable(cycle.getId(), PLAN_SUMMARY.name())))
        .as("the steering group's summary of a plan of this size").hasSizeGreaterThan(4_000)
        .contains(activities.get(26).path("description").asText()).contains(promises.get(11));

    Clock.setTo("2022-12-20T10:00");
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    driver.complete(cycle, TASK_SIGN_AND_PUBLISH, Map.of("signedOn", "2022-12-20", "publishedAt",
        "kungalv.se"));
    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, Map.of("steeringMeetingDate", "2023-06-14",
        "steeringMeetingPlace", "Stadshuset, Kungälv"));
    driver.complete(cycle, TASK_HALF_YEAR_FOLLOW_UP, Map.of(HALF_YEAR_CONCLUSIONS.name(),
        "Arbetet följer planen inom alla fem delområden.", HALF_YEAR_PLAN_CHANGES.name(),
        "Arbetet med trygghetskameror pausas i väntan på Integritetsmyndighetens beslut."));

    // every follow-up before the last says "Pågående"; the last one says what Kungälv wrote, word for word
    Map<String, JsonNode> byDescription = new HashMap<>();
    activities.forEach(a -> byDescription.put(a.path("description").asText(), a));
    driver.driveActivityFollowUps(cycle, task -> {
      JsonNode activity = byDescription.get((String) engine.getFormService().getTaskFormVariables(
          task.getId()).get(ACTIVITY_DESCRIPTION.name()));
      boolean last = CycleDriver.followUpDay(task).getMonthValue() == 12;
      if (!last) {
        return Map.of(ACTIVITY_STATUS.name(), "ONGOING", STATUS_COMMENT.name(), "Pågår enligt plan");
      }
      return Map.of(ACTIVITY_STATUS.name(), activity.path("done").asBoolean() ? "COMPLETED"
          : "COMPLETED_WITH_DEVIATION", STATUS_COMMENT.name(), activity.path("comment").asText());
    });

    assertTheSignedDocumentHoldsEveryPromise(kungalv, cycle, areas, promises);

    Task reportTask = driver.task(cycle, TASK_YEARLY_FOLLOW_UP_REPORT);
    assertThat(reportTask).isNotNull();
    Clock.setTo("2024-02-10T10:00");
    String summary = chapter(2);
    driver.complete(cycle, TASK_YEARLY_FOLLOW_UP_REPORT, Map.of(YEARLY_REPORT_SUMMARY.name(), summary,
        PRESENTED_TO_BOARD_ON.name(), "2024-02-26", LESSONS_FOR_NEXT_YEAR.name(),
        "Under 2024 tas en kartläggning, orsaksanalys och handlingsplan fram enligt lagen om kommuners ansvar "
            + "för brottsförebyggande arbete."));

    String agreementId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cycle.getId()).variableName(AGREEMENT_ID.name()).singleResult().getValue();
    String base = "/api/tenants/" + kungalv.tenantId() + "/agreements/" + agreementId + "/years/2023";
    Http http = new Http(port);

    var html = http.get(base + "/report.html", kungalv.user(Role.MUNICIPAL_COORDINATOR), "test");
    assertThat(html.statusCode()).isEqualTo(200);
    // kept next to the PDF below, to compare the report before and after a change to its template
    Path savedHtml = Path.of("target", "reports", "kungalv-2023-real-size.html");
    Files.createDirectories(savedHtml.getParent());
    Files.writeString(savedHtml, html.body(), StandardCharsets.UTF_8);
    Document page = xhtml(html.body());
    String contents = normalised(text(page, "//*[@class='contents']"));
    String text = normalised(text(page, "//*[local-name()='body']"));
    List<String> h4 = new ArrayList<>();
    NodeList headings = nodes(page, "//*[local-name()='h4']");
    for (int i = 0; i < headings.getLength(); i++) {
      h4.add(normalised(headings.item(i).getTextContent()));
    }
    for (int i = 0; i < areas.size(); i++) {
      String number = "4." + (i + 1);
      String intervention = number + ".1 Insats: " + areas.get(i).path("intervention").asText();
      assertThat(contents).contains(number + " " + areas.get(i).path("name").asText()).contains(intervention);
      assertThat(h4).contains(intervention);
    }
    // paragraphs are elements of their own: compared without whitespace, every other character in its order
    String letters = withoutSpace(text);
    for (JsonNode activity : activities) {
      assertThat(text).contains(normalised(activity.path("description").asText()));
      assertThat(letters).contains(withoutSpace(activity.path("comment").asText()));
    }
    assertThat(nodes(page, "//*[@class='activities']//*[local-name()='tbody']/*").getLength()).isEqualTo(27);
    assertThat(nodes(page, "//*[@class='status status-completed']").getLength()).isEqualTo(26);
    assertThat(nodes(page, "//*[@class='status status-completed-with-deviation']").getLength()).isEqualTo(1);
    assertThat(text).doesNotContain("Ingen rapport ännu");
    promises.forEach(promise -> assertThat(text).contains(normalised(promise)));
    assertThat(nodes(page, "//*[@class='promises']//*[local-name()='tbody']/*").getLength()).isEqualTo(12);
    assertThat(letters).contains(withoutSpace(summary));

    var pdf = http.getBytes(base + "/report.pdf", kungalv.user(Role.POLICE_STEERING), "test");
    assertThat(pdf.statusCode()).isEqualTo(200);
    Path saved = Path.of("target", "reports", "kungalv-2023-real-size.pdf");
    Files.createDirectories(saved.getParent());
    Files.write(saved, pdf.body());
    String pdfText = pdfText(pdf.body());
    for (int i = 0; i < areas.size(); i++) {
      assertThat(pdfText).contains("4." + (i + 1) + ".1 Insats: " + areas.get(i).path("intervention").asText());
    }
    // the PDF's text comes back line by line across the table's columns: every word of every comment is there
    java.util.Set<String> pdfWords = new java.util.HashSet<>(List.of(pdfText.split("[^\\p{L}\\p{N}]+")));
    for (JsonNode activity : activities) {
      List<String> missing = java.util.Arrays.stream(activity.path("comment").asText().split("[^\\p{L}\\p{N}]+"))
          .filter(word -> !word.isEmpty() && !pdfWords.contains(word)).toList();
      assertThat(missing).as("words of the comment on %s missing from the PDF", activity.path("description"))
          .isEmpty();
    }
  }

  /**
   * Issue 16: the signed promise document of a plan of this size, as a citizen reads it on the public page: every
   * focus area with its problem as background, then all twelve promises word for word, in the browser and on paper.
   */
  private void assertTheSignedDocumentHoldsEveryPromise(TestMunicipality kungalv, ProcessInstance cycle,
      List<JsonNode> areas, List<String> promises) throws Exception {
    Http http = new Http(port);
    String base = "/offentlig/" + kungalv.tenantId() + "/2023/medborgarloften";
    var html = http.get(base + ".html", null, null);
    assertThat(html.statusCode()).isEqualTo(200);
    Document page = xhtml(html.body());
    List<String> sequence = new ArrayList<>();
    for (JsonNode area : areas) {
      sequence.add(area.path("name").asText());
      sequence.add(area.path("intervention").asText());
    }
    sequence.add("Våra medborgarlöften 2023");
    promises.forEach(promise -> sequence.add(normalised(promise)));
    String text = normalised(text(page, "//*[local-name()='body']"));
    assertThat(text).containsSubsequence(sequence);
    assertThat(nodes(page, "//*[@class='promises']/*[local-name()='li']").getLength()).isEqualTo(12);

    var pdf = http.getBytes(base + ".pdf", null, null);
    assertThat(pdf.statusCode()).isEqualTo(200);
    Path saved = Path.of("target", "reports", "kungalv-2023-medborgarloften.pdf");
    Files.createDirectories(saved.getParent());
    Files.write(saved, pdf.body());
    String letters = withoutSpace(pdfText(pdf.body()));
    promises.forEach(promise -> assertThat(letters).as("a promise on paper").contains(withoutSpace(promise)));
  }

  private static String chapter(int number) throws IOException {
    String seed = resource("/seeds/kungalv-uppfoljning-2023-sammanfattning.txt");
    assertThat(seed.length()).as("chapter %d of seed 004", number).isBetween(2_500, 4_000);
    return seed.strip();
  }

  /** The bullets under each focus area of Kungsbacka's published promises 2021–2022, at full length. */
  private static List<String> kungsbackasPromises() throws IOException {
    List<String> areas = List.of("Trygghet i offentlig miljö", "Trygghet i trafik", "Narkotikaprevention");
    List<String> promises = new ArrayList<>();
    boolean underAFocusArea = false;
    for (String line : resource("/seeds/kungsbacka-medborgarloften-2021-2022.txt").split("\n")) {
      // the bullets before the first focus area are the coordinators' duties, not promises
      underAFocusArea |= areas.contains(line.trim());
      if (underAFocusArea && line.startsWith(" • ")) {
        promises.add(line.substring(3).trim());
      }
    }
    return promises;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RealSizeYearTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Document xhtml(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static NodeList nodes(Document page, String xpath) throws Exception {
    return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
  }

  private static String text(Document page, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, page);
  }

  private static String withoutSpace(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static String normalised(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }



  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return normalised(new PDFTextStripper().getText(document));
    }
  }
}
