package se.tryggsamverkan.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.documents.PlainText;
import se.tryggsamverkan.plan.CitizenPromise;
import se.tryggsamverkan.plan.PlanRepository.ProblemRow;

/**
 * The signed promise document as the template {@code offentlig/medborgarloften.html} shows it, shaped like the
 * promises municipalities publish themselves: the parties and the agreement, the background per focus area (the
 * prioritised problems the plan answers), then the promises with who promises and the measurable target, and the
 * signatories by role. Every string is plain text (escaped by the template) without characters XML cannot hold.
 *
 * @param common the background of problems that belong to no focus area of the year
 */
public record PromiseDocument(String municipality, String policeArea, String year, String signedOn,
    String periodStart, String periodEnd, List<Background> common, List<Area> areas, List<Promise> promises) {

  public record Area(String id, String name, List<Background> background) {
  }

  /** A prioritised problem: its title and its description as paragraphs of lines. */
  public record Background(String title, List<List<String>> paragraphs) {
  }

  public record Promise(int number, String text, String party, String target) {
  }

  static PromiseDocument of(Agreement agreement, int year, String signedOn, List<String> focusAreas,
      List<ProblemRow> problems, List<CitizenPromise> promises) {
    Map<String, List<Background>> byArea = new LinkedHashMap<>();
    focusAreas.forEach(area -> byArea.put(area, new ArrayList<>()));
    List<Background> common = new ArrayList<>();
    for (ProblemRow problem : problems) {
      Background background = new Background(PlainText.xmlSafe(problem.title()),
          PlainText.paragraphs(problem.description()));
      byArea.getOrDefault(problem.focusArea() == null ? "" : problem.focusArea(), common).add(background);
    }
    List<Area> areas = new ArrayList<>();
    byArea.forEach((name, background) -> areas.add(new Area("fokus-" + (areas.size() + 1), PlainText.xmlSafe(name),
        background)));
    List<Promise> shown = new ArrayList<>();
    for (CitizenPromise promise : promises) {
      shown.add(new Promise(shown.size() + 1, PlainText.xmlSafe(promise.text()), promise.party().swedishName(),
          promise.target() == null ? null : promise.target().swedish()));
    }
    return new PromiseDocument(PlainText.xmlSafe(agreement.municipality()), PlainText.xmlSafe(agreement.policeArea()),
        String.valueOf(year), signedOn, String.valueOf(agreement.periodStart()), String.valueOf(agreement.periodEnd()),
        common, areas, shown);
  }
}
