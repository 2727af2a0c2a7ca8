package se.tryggsamverkan.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.common.FormLimits;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.documents.PdfPrinter;
import se.tryggsamverkan.plan.CitizenPromise;
import se.tryggsamverkan.plan.PlanRepository.ProblemRow;
import se.tryggsamverkan.plan.PromiseTarget;
import se.tryggsamverkan.plan.Responsible;

/**
 * The signed promise document at every limit the forms allow: focus area names, problem titles and descriptions
 * (paragraphs, a pasted control character) and promise texts each at their maximum length, so that the longest plan
 * a coordinator can enter prints, whole, in the browser and on paper.
 */
class PromiseDocumentTest {

  private final Documents documents = Documents.standalone();

  @Test
  void aPlanAtEveryLimitIsPrintedWhole() throws Exception {
    int areaName = FormLimits.max("mergeAndPrioritise", "focusAreas.name");
    int title = FormLimits.max("mergeAndPrioritise", "prioritisedProblems.title");
    int description = FormLimits.max("mergeAndPrioritise", "prioritisedProblems.description");
    int promiseText = FormLimits.max("actionPlan", "promises.text");
    List<String> areas = new ArrayList<>();
    List<ProblemRow> problems = new ArrayList<>();
    for (int a = 1; a <= 5; a++) {
      String name = filled("Fokusområde " + a + " ", areaName);
      areas.add(name);
      for (int p = 1; p <= 2; p++) {
        problems.add(new ProblemRow(filled("Problem " + a + "." + p + " ", title),
            filled("Första stycket om problem " + a + "." + p + "\u000b.\n\nAndra stycket ", description), name));
      }
    }
    problems.add(new ProblemRow("Problem utan fokusområde", "Gäller hela kommunen", null));
    List<CitizenPromise> promises = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      promises.add(new CitizenPromise(filled("Löfte " + i + " ", promiseText), Responsible.values()[i % 3],
          i % 2 == 0 ? PromiseTarget.parse("minst 2 per månad").orElseThrow() : null));
    }

    PromiseDocument document = PromiseDocument.of(agreement(), 2027, "2026-12-18", areas, problems, promises);
    String html = documents.render(PromiseDocuments.TEMPLATE, Map.of("doc", document));
    byte[] pdf = new PdfPrinter().print(html, "the promise document at every limit");
    Path saved = Path.of("target", "reports", "medborgarloften-alla-granser.pdf");
    Files.createDirectories(saved.getParent());
    Files.write(saved, pdf);

    assertThat(document.common()).extracting(PromiseDocument.Background::title)
        .containsExactly("Problem utan fokusområde");
    assertThat(document.areas()).hasSize(5).allSatisfy(area -> assertThat(area.background()).hasSize(2));
    assertThat(html).doesNotContain("\u000b");
    String text;
    int pages;
    try (PDDocument printed = Loader.loadPDF(pdf)) {
      // in reading order (a list number stays before its item), without the page footers ("2 (33)") that fall
      // inside a long paragraph
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      text = stripper.getText(printed).replaceAll("\\d+ \\(\\d+\\)", "")
          .replaceAll("\\s+", "");
      pages = printed.getNumberOfPages();
    }
    assertThat(pages).as("pages of the longest plan").isGreaterThan(10);
    for (ProblemRow problem : problems) {
      assertThat(text.contains(problem.title().replaceAll("\\s+", ""))).as("title %s", problem.title()).isTrue();
      assertThat(text.contains(problem.description().replace("\u000b", "").replaceAll("\\s+", "")))
          .as("description of %s", problem.title()).isTrue();
    }
    for (CitizenPromise promise : promises) {
      assertThat(text.contains(promise.text().replaceAll("\\s+", ""))).as(promise.text().substring(0, 9)).isTrue();
    }
    assertThat(text.contains("Lokalpolisområdeschef,") && text.contains("FörKungsbacka,kommunensledamot"))
        .as("both signatories by role").isTrue();
  }

  /** The start, then Swedish words up to exactly {@code length} characters. */
  private static String filled(String start, int length) {
    StringBuilder text = new StringBuilder(start);
    String[] words = {"trygghet ", "samverkan ", "åtgärd ", "öppen ", "ärende "};
    for (int i = 0; text.length() < length; i++) {
      text.append(words[i % words.length]);
    }
    return text.substring(0, length).strip() + "x".repeat(length - text.substring(0, length).strip().length());
  }

  private static Agreement agreement() {
    return new Agreement("a-1", "kungsbacka", "Kungsbacka", "Lokalpolisområde Kungsbacka", LocalDate.of(2027, 1, 1),
        LocalDate.of(2028, 12, 31), "p", "m", "ps", "ms", Party.MUNICIPALITY, Map.of(), null, false);
  }
}
