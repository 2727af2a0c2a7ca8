package se.tryggsamverkan.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.documents.PlainText;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.report.FollowUpReport.ActivityLine;
import se.tryggsamverkan.report.FollowUpReport.Figure;
import se.tryggsamverkan.report.FollowUpReport.FocusAreaSection;
import se.tryggsamverkan.report.FollowUpReport.PromiseLine;

/**
 * What the report template ({@code templates/rapport/arsrapport.html}) writes, computed once in Java: the numbering
 * of focus areas and interventions, the chart's groups and bar widths, numbers and dates formatted the Swedish way,
 * text split into paragraphs and lines. Every string is plain text as the user typed it, only without the
 * characters XML 1.0 forbids; the template escapes it. The wording lives in {@code texter.properties}, not here.
 *
 * <p>A text is a list of paragraphs, each a list of lines; an empty list when nothing is written.
 *
 * @param year a string, so that no message format writes it with a thousands separator
 * @param presentedOn null while the board meeting is not decided
 * @param policeArea null when there is none
 * @param chart empty exactly when {@code figures} is
 */
record ReportView(String year, String municipality, String municipalityHeading, String presentedOn,
    String policeArea, boolean draft, List<StatusView> legend, List<List<String>> introduction,
    List<List<String>> summary, List<List<String>> situationAnalysis, List<UnitView> chart,
    List<FigureView> figures, List<AreaView> focusAreas, List<PromiseView> promises,
    List<FollowUpView> steeringFollowUps, List<List<String>> lessons, String generatedAt,
    List<PlanChangeView> planChanges) {

  private static final Locale SWEDISH = Documents.SWEDISH;
  private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A status with its symbol; {@code name} is the enum constant, the key of its meaning in the legend. */
  record StatusView(String name, String cssClass, String symbol, String label) {
  }

  /** The chart's bars of one unit; {@code name} is null for the figures without a unit. */
  record UnitView(String name, List<BarView> bars) {
  }

  /** @param width percent of the bar cell */
  record BarView(String description, String width, String value) {
  }

  /** @param value with its unit; null when the figure has no value */
  record FigureView(String source, String party, String description, String value) {
  }

  /** A focus area numbered 4.n, with the id its contents line links to. */
  record AreaView(String number, String id, String name, List<InterventionView> interventions,
      List<ActivityView> activities) {
  }

  /** An intervention numbered 4.n.k, as Kungälv's follow-up numbers them. */
  record InterventionView(String number, String id, String name) {
  }

  /**
   * @param start null when not planned, as {@code end}
   * @param comment null when the owner has not reported yet
   * @param stoppedOn null unless the activity is "Stoppad", as {@code stopReason}
   */
  record ActivityView(StatusView status, String description, String responsible, String start, String end,
      List<List<String>> comment, String reportedOn, String stoppedOn, List<List<String>> stopReason) {
  }

  /**
   * @param target null when the promise has no measurable target
   * @param done how many times it was kept; {@code expectedSoFar} the least the target asked for so far
   * @param dates the dates it was kept, compact; null when never
   * @param verdict null when not judged
   */
  record PromiseView(String text, String party, String target, String done, boolean once, String expectedSoFar,
      String dates, String verdict) {
  }

  /** @param heldOn null when the date is missing */
  record FollowUpView(String heldOn, List<List<String>> conclusions, List<List<String>> planChanges) {
  }

  /** @param decidedOn null while the change waits */
  record PlanChangeView(String number, String proposedOn, String status, String decidedOn, String deciders,
      List<List<String>> reason, List<String> rows, List<DecisionView> decisions) {
  }

  /** @param comment null when there is none */
  record DecisionView(String party, boolean approves, List<List<String>> comment) {
  }

  static ReportView of(FollowUpReport report) {
    List<Figure> figures = orEmpty(report.figures());
    List<FocusAreaSection> areas = orEmpty(report.focusAreas());
    return new ReportView(String.valueOf(report.year()), text(report.municipality()),
        text(municipalityHeading(report.municipality())), date(report.presentedOn()),
        report.policeArea() == null || report.policeArea().isBlank() ? null : text(report.policeArea()),
        report.draft(), Arrays.stream(ActivityStatus.values()).map(ReportView::status).toList(),
        paragraphsOrNone(report.introduction()), paragraphsOrNone(report.summary()),
        paragraphsOrNone(report.situationAnalysis()), chart(figures),
        figures.stream().map(f -> new FigureView(text(f.source()), text(f.party()), text(f.description()),
            valueWithUnit(f))).toList(),
        IntStream.range(0, areas.size()).mapToObj(i -> area(i, areas.get(i))).toList(),
        orEmpty(report.promises()).stream().map(ReportView::promise).toList(),
        orEmpty(report.steeringFollowUps()).stream().map(f -> new FollowUpView(date(f.heldOn()),
            paragraphsOrNone(f.conclusions()), paragraphsOrNone(f.planChanges()))).toList(),
        paragraphsOrNone(report.lessons()), report.generatedAt().format(GENERATED_AT),
        orEmpty(report.planChanges()).stream().map(c -> new PlanChangeView(String.valueOf(c.number()),
            date(c.proposedOn()), text(c.status()), date(c.decidedOn()), text(c.deciders()).toLowerCase(SWEDISH),
            paragraphsOrNone(c.reason()), c.rows().stream().map(ReportView::text).toList(),
            c.decisions().stream().map(d -> new DecisionView(text(d.party()), d.approves(),
                paragraphsOrNone(d.comment()))).toList())).toList());
  }

  private static StatusView status(ActivityStatus status) {
    return new StatusView(status.name(), "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        status.symbol(), status.swedishName());
  }

  /** Bars are only comparable within a unit: each unit gets its own group, scaled to its own largest value. */
  private static List<UnitView> chart(List<Figure> figures) {
    Map<String, List<Figure>> byUnit = figures.stream().collect(Collectors.groupingBy(
        f -> f.unit() == null ? "" : f.unit().strip(), LinkedHashMap::new, Collectors.toList()));
    List<UnitView> units = new ArrayList<>();
    byUnit.forEach((unit, inUnit) -> {
      BigDecimal largest = inUnit.stream().map(Figure::value).filter(Objects::nonNull)
          .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
      units.add(new UnitView(unit.isEmpty() ? null : text(capitalised(unit)), inUnit.stream()
          .map(f -> new BarView(text(f.description()), barWidth(f.value(), largest), valueWithUnit(f))).toList()));
    });
    return units;
  }

  private static AreaView area(int index, FocusAreaSection area) {
    String number = "4." + (index + 1);
    String id = "delomrade-" + (index + 1);
    List<String> interventions = orEmpty(area.interventions());
    return new AreaView(number, id, text(area.name()),
        IntStream.range(0, interventions.size()).mapToObj(k -> new InterventionView(number + "." + (k + 1),
            id + "-insats-" + (k + 1), text(interventions.get(k)))).toList(),
        orEmpty(area.activities()).stream().map(ReportView::activity).toList());
  }

  private static ActivityView activity(ActivityLine activity) {
    return new ActivityView(status(activity.status()), text(activity.description()), text(activity.responsible()),
        date(activity.start()), date(activity.end()),
        activity.comment() == null ? null : paragraphs(activity.comment()),
        activity.comment() == null ? null : date(activity.reportedOn()),
        activity.stoppedOn() == null ? null : date(activity.stoppedOn()),
        activity.stoppedOn() == null ? null : paragraphsOrNone(activity.stopReason()));
  }

  private static PromiseView promise(PromiseLine promise) {
    List<LocalDate> dates = orEmpty(promise.occurrences());
    return new PromiseView(text(promise.text()), text(promise.party()),
        promise.target() == null ? null : text(promise.target()), String.valueOf(dates.size()), dates.size() == 1,
        String.valueOf(promise.expectedSoFar()), dates.isEmpty() ? null : compactDates(dates),
        promise.verdict() == null ? null : text(promise.verdict()));
  }

  /** "KUNGSBACKA KOMMUN", as on a municipality's report covers, without doubling a "kommun" already in the name. */
  static String municipalityHeading(String municipality) {
    String name = municipality == null ? "" : municipality.strip();
    String upper = name.toUpperCase(SWEDISH);
    return upper.endsWith("KOMMUN") ? upper : upper + " KOMMUN";
  }

  /** Percent of the bar cell, with one decimal at most: the largest value of its unit fills it. */
  static String barWidth(BigDecimal value, BigDecimal largest) {
    if (value == null || largest == null || value.signum() <= 0 || largest.signum() <= 0) {
      return "0";
    }
    return value.multiply(BigDecimal.valueOf(100)).divide(largest, 1, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }

  private static String valueWithUnit(Figure figure) {
    if (figure.value() == null) {
      return null;
    }
    NumberFormat format = NumberFormat.getNumberInstance(SWEDISH);
    format.setMaximumFractionDigits(2);
    String number = format.format(figure.value());
    return text(figure.unit() == null || figure.unit().isBlank() ? number : number + " " + figure.unit().strip());
  }

  /** "jan. 12, 19, 26 · feb. 2": a weekly promise has fifty dates, a list of ISO dates would fill a page. */
  private static String compactDates(List<LocalDate> dates) {
    Map<YearMonth, List<Integer>> byMonth = new TreeMap<>();
    for (LocalDate date : dates) {
      byMonth.computeIfAbsent(YearMonth.from(date), m -> new ArrayList<>()).add(date.getDayOfMonth());
    }
    boolean severalYears = byMonth.keySet().stream().map(YearMonth::getYear).distinct().count() > 1;
    return byMonth.entrySet().stream()
        .map(e -> e.getKey().getMonth().getDisplayName(TextStyle.SHORT, SWEDISH)
            + (severalYears ? " " + e.getKey().getYear() : "") + " "
            + e.getValue().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")))
        .collect(Collectors.joining(" · "));
  }

  private static String capitalised(String text) {
    return text.substring(0, 1).toUpperCase(SWEDISH) + text.substring(1);
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** The paragraphs of a text, or none when it is blank (the template then says what is missing). */
  private static List<List<String>> paragraphsOrNone(String text) {
    return PlainText.paragraphs(text);
  }

  /** A blank line starts a new paragraph, a single line break stays a line break, as the user typed it. */
  private static List<List<String>> paragraphs(String text) {
    return PlainText.split(text);
  }

  /** The text without the characters XML 1.0 forbids (see {@link PlainText#xmlSafe}). */
  static String text(String text) {
    return PlainText.xmlSafe(text);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
