package se.tryggsamverkan.report;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.report.FollowUpReport.ActivityLine;
import se.tryggsamverkan.report.FollowUpReport.Figure;
import se.tryggsamverkan.report.FollowUpReport.FocusAreaSection;
import se.tryggsamverkan.report.FollowUpReport.PromiseLine;
import se.tryggsamverkan.report.FollowUpReport.SteeringFollowUp;

/**
 * Renders the yearly follow-up report as one XHTML document and prints that same document to PDF, so the board reads
 * on paper exactly what the coordinators previewed in the browser. The document is well-formed XML because
 * openhtmltopdf parses it with an XML parser; the chart is plain tables and divs so that both the browser and
 * openhtmltopdf draw it without scripts or images.
 */
@Component
public class ReportRenderer {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
  private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String FONT_FAMILY = "DejaVu Sans";

  private static final String CSS = """
      @page { size: A4; margin: 20mm;
        @bottom-center { content: "Sida " counter(page) " av " counter(pages);
          font-family: 'DejaVu Sans'; font-size: 8pt; color: #555; } }
      @page :first { @bottom-center { content: none; } }
      html, body, h1, h2, h3, p, ul, li, table, th, td, div, span, a {
        font-family: 'DejaVu Sans', sans-serif; }
      body { font-size: 10pt; line-height: 1.35; color: #1a1a1a; }
      @media screen { body { max-width: 180mm; margin: 10mm auto; padding: 0 5mm; } }
      h1 { font-size: 22pt; margin: 0 0 12mm 0; }
      h2 { font-size: 15pt; margin: 9mm 0 3mm 0; page-break-after: avoid; }
      h3 { font-size: 12pt; margin: 6mm 0 2mm 0; page-break-after: avoid; }
      h4 { font-size: 10pt; margin: 4mm 0 1mm 0; page-break-after: avoid; }
      p { margin: 0 0 2mm 0; }
      a { color: #1a1a1a; text-decoration: none; }
      .title-page { page-break-after: always; padding-top: 40mm; }
      .municipality { font-size: 16pt; font-weight: bold; letter-spacing: 1pt; margin-bottom: 25mm; }
      .board { font-size: 12pt; font-weight: bold; margin-top: 20mm; }
      .draft { display: inline-block; border: 2pt solid #c62828; color: #c62828; font-size: 18pt;
        font-weight: bold; padding: 2mm 6mm; margin-top: 15mm; }
      .contents { page-break-after: always; }
      .contents p { margin: 0 0 1.5mm 0; }
      .contents .sub { padding-left: 10mm; }
      .contents .subsub { padding-left: 20mm; }
      .contents .subsub .num { width: 13mm; }
      .contents a::after { content: leader('.') target-counter(attr(href), page); }
      .num { display: inline-block; width: 10mm; }
      table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm 0; -fs-table-paginate: paginate; }
      thead { display: table-header-group; }
      tr { page-break-inside: avoid; }
      th, td { border: 0.5pt solid #999; padding: 1.5mm; text-align: left; vertical-align: top; }
      th { background-color: #e8ecef; font-weight: bold; }
      td p { margin: 0 0 1mm 0; }
      .activities, .promises { table-layout: fixed; font-size: 8.5pt; }
      /* a user id or a long word wraps inside its column instead of running over the next one */
      .activities td, .promises td, .figures td { word-wrap: break-word; overflow-wrap: break-word; }
      .date { white-space: nowrap; }
      .legend td, .chart td, .chart th { border: none; padding: 1mm 1.5mm; }
      .chart { table-layout: fixed; }
      .chart .unit th { background-color: transparent; border-bottom: 0.5pt solid #999; }
      .chart .bar-cell { width: 50%; }
      .bar { height: 4mm; background-color: #2f6f9f; }
      .number { text-align: right; white-space: nowrap; }
      .symbol { font-weight: bold; }
      .status-not-started .symbol { color: #555; }
      .status-ongoing .symbol, .status-completed .symbol { color: #2e7d32; }
      td.status-ongoing, td.status-completed { background-color: #e8f5e9; }
      .status-ongoing-with-deviation .symbol { color: #b58a00; }
      td.status-ongoing-with-deviation { background-color: #fff8e1; }
      .status-completed-with-deviation .symbol, .status-delayed .symbol { color: #c62828; }
      td.status-completed-with-deviation, td.status-delayed { background-color: #ffebee; }
      .legend td { background-color: transparent; }
      .missing, .note, .dates, .reported { color: #555; }
      .dates, .reported { font-size: 8.5pt; }
      .reported { white-space: nowrap; }
      .footer { margin-top: 12mm; font-size: 8pt; color: #555; border-top: 0.5pt solid #999; padding-top: 2mm; }
      """;

  /** An XHTML document, complete and well-formed, that both a browser and openhtmltopdf render. */
  public String html(FollowUpReport report) {
    return new Document(report).write();
  }

  /** The {@link #html} document printed to A4 with DejaVu Sans embedded (subset), for the board's meeting papers. */
  public byte[] pdf(FollowUpReport report) {
    String html = html(report);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // no useFastMode(): in the io.github fork the fast renderer is the only one and that call is a deprecated no-op
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .withHtmlContent(html, null)
        // subset = true: the PDF carries only the glyphs it uses instead of 750 kB per font
        .useFont(font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true)
        .useFont(font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true)
        .toStream(out);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      // openhtmltopdf takes the language from <html lang> only in PDF/UA mode; screen readers need it anyway
      renderer.getPdfDocument().getDocumentCatalog().setLanguage("sv-SE");
      renderer.createPDF();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Could not render the follow-up report for " + report.municipality() + " "
          + report.year() + " to PDF with openhtmltopdf: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static FSSupplier<InputStream> font(String file) {
    String path = "/fonts/" + file;
    return () -> {
      InputStream in = ReportRenderer.class.getResourceAsStream(path);
      if (in == null) {
        throw new IllegalStateException("Font " + path + " is missing from the classpath; the follow-up report PDF "
            + "needs it for Swedish letters and the status symbols");
      }
      return in;
    };
  }

  /** One rendering: the report and the text being written. */
  private static final class Document {

    private final FollowUpReport report;
    private final StringBuilder out = new StringBuilder(32_000);

    Document(FollowUpReport report) {
      this.report = report;
    }

    String write() {
      String title = "Uppföljning " + report.year() + ": samverkan mot brott och för trygghet i "
          + report.municipality();
      out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"sv\" xml:lang=\"sv\">\n<head>\n")
          .append("<meta charset=\"UTF-8\"/>\n<title>").append(escape(title)).append("</title>\n")
          .append("<style type=\"text/css\">\n").append(CSS);
      if (report.draft()) {
        // every printed page says it is a draft, not only the title page a reader may have torn off
        out.append("@page { @top-right { content: \"UTKAST\"; font-family: 'DejaVu Sans'; font-size: 9pt;"
            + " font-weight: bold; color: #c62828; } }\n");
      }
      out.append("</style>\n</head>\n<body>\n");
      titlePage(title);
      contents();
      introduction();
      summary();
      situationAnalysis();
      focusAreas();
      promises();
      steeringFollowUps();
      lessons();
      out.append("<p class=\"footer\">Skapad ").append(escape(report.generatedAt().format(GENERATED_AT)))
          .append(" i trygg-samverkan</p>\n</body>\n</html>\n");
      return out.toString();
    }

    private void titlePage(String title) {
      out.append("<div class=\"title-page\">\n<p class=\"municipality\">")
          .append(escape(municipalityHeading(report.municipality()))).append("</p>\n<h1>").append(escape(title))
          .append("</h1>\n<p class=\"board\">Kommunstyrelsen</p>\n<p>")
          .append(report.presentedOn() == null ? "Datum för kommunstyrelsen är inte bestämt"
              : escape(report.presentedOn().toString()))
          .append("</p>\n");
      if (report.policeArea() != null && !report.policeArea().isBlank()) {
        out.append("<p>Samverkan med polisen: ").append(escape(report.policeArea())).append("</p>\n");
      }
      if (report.draft()) {
        out.append("<p class=\"draft\">UTKAST</p>\n");
      }
      out.append("</div>\n");
    }

    private void contents() {
      out.append("<div class=\"contents\">\n<h2>Innehållsförteckning</h2>\n");
      contentsEntry("1", "inledning", "Inledning", null);
      contentsEntry("2", "sammanfattning", "Sammanfattning", null);
      contentsEntry("3", "nulagesanalys", "Nulägesanalys", null);
      contentsEntry("4", "delomraden", "Uppföljning av planens delområden", null);
      List<FocusAreaSection> areas = orEmpty(report.focusAreas());
      for (int i = 0; i < areas.size(); i++) {
        contentsEntry("4." + (i + 1), "delomrade-" + (i + 1), areas.get(i).name(), "sub");
        List<String> interventions = orEmpty(areas.get(i).interventions());
        for (int k = 0; k < interventions.size(); k++) {
          contentsEntry(interventionNumber(i, k), interventionId(i, k), "Insats: " + interventions.get(k), "subsub");
        }
      }
      contentsEntry("5", "medborgarloften", "Medborgarlöften", null);
      contentsEntry("6", "styrgruppen", "Styrgruppens uppföljning", null);
      contentsEntry("7", "lardomar", "Lärdomar till nästa år", null);
      out.append("</div>\n");
    }

    /** A line of the contents; {@code level} is null for a chapter, "sub" or "subsub" for the levels below. */
    private void contentsEntry(String number, String id, String text, String level) {
      out.append("<p").append(level == null ? "" : " class=\"" + level + "\"").append("><a href=\"#").append(id)
          .append("\"><span class=\"num\">").append(number).append("</span> ").append(escape(text))
          .append("</a></p>\n");
    }

    private void introduction() {
      heading("h2", "inledning", "1 Inledning");
      textOr(report.introduction(), "Ingen inledning är skriven.");
      out.append("<p>Aktiviteternas status beskrivs med följande symboler:</p>\n<table class=\"legend\">\n");
      for (ActivityStatus status : ActivityStatus.values()) {
        out.append("<tr class=\"").append(cssClass(status)).append("\"><td class=\"status\">")
            .append(statusLabel(status)).append("</td><td>").append(escape(meaning(status))).append("</td></tr>\n");
      }
      out.append("</table>\n");
    }

    private void summary() {
      heading("h2", "sammanfattning", "2 Sammanfattning");
      textOr(report.summary(), "Sammanfattningen skrivs av samordnarna i uppgiften för årsrapporten.");
    }

    private void situationAnalysis() {
      heading("h2", "nulagesanalys", "3 Nulägesanalys");
      textOr(report.situationAnalysis(), "Ingen nulägesanalys är skriven.");
      List<Figure> figures = orEmpty(report.figures());
      if (figures.isEmpty()) {
        out.append("<p class=\"missing\">Lägesbilden innehåller inga siffror för året.</p>\n");
        return;
      }
      chart(figures);
      out.append("<table class=\"figures\">\n<thead><tr><th>Källa</th><th>Part</th><th>Beskrivning</th>"
          + "<th class=\"number\">Värde</th></tr></thead>\n<tbody>\n");
      for (Figure figure : figures) {
        out.append("<tr><td>").append(escape(figure.source())).append("</td><td>").append(escape(figure.party()))
            .append("</td><td>").append(escape(figure.description())).append("</td><td class=\"number\">")
            .append(escape(valueWithUnit(figure))).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }

    /** Bars are only comparable within a unit: each unit gets its own group, scaled to its own largest value. */
    private void chart(List<Figure> figures) {
      Map<String, List<Figure>> byUnit = figures.stream().collect(Collectors.groupingBy(
          f -> f.unit() == null ? "" : f.unit().strip(), LinkedHashMap::new, Collectors.toList()));
      out.append("<table class=\"chart\">\n");
      for (Map.Entry<String, List<Figure>> unit : byUnit.entrySet()) {
        BigDecimal largest = unit.getValue().stream().map(Figure::value).filter(Objects::nonNull)
            .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        out.append("<tr class=\"unit\"><th colspan=\"3\">")
            .append(escape(unit.getKey().isEmpty() ? "Utan enhet" : capitalised(unit.getKey())))
            .append("</th></tr>\n");
        for (Figure figure : unit.getValue()) {
          out.append("<tr><td>").append(escape(figure.description())).append("</td><td class=\"bar-cell\">")
              .append("<div class=\"bar\" style=\"width: ").append(barWidth(figure.value(), largest))
              .append("%;\"></div></td><td class=\"number\">").append(escape(valueWithUnit(figure)))
              .append("</td></tr>\n");
        }
      }
      out.append("</table>\n<p class=\"note\">Staplarna jämför bara värden med samma enhet.</p>\n");
    }

    private void focusAreas() {
      heading("h2", "delomraden", "4 Uppföljning av planens delområden");
      List<FocusAreaSection> areas = orEmpty(report.focusAreas());
      if (areas.isEmpty()) {
        out.append("<p class=\"missing\">Planen har inga delområden.</p>\n");
      }
      for (int i = 0; i < areas.size(); i++) {
        FocusAreaSection area = areas.get(i);
        heading("h3", "delomrade-" + (i + 1), "4." + (i + 1) + " " + area.name());
        // numbered as Kungälv's follow-up numbers them (4.1.1 Insats: …), and listed in the contents
        List<String> interventions = orEmpty(area.interventions());
        for (int k = 0; k < interventions.size(); k++) {
          heading("h4", interventionId(i, k), interventionNumber(i, k) + " Insats: " + interventions.get(k));
        }
        activities(orEmpty(area.activities()));
      }
    }

    private void activities(List<ActivityLine> activities) {
      if (activities.isEmpty()) {
        out.append("<p class=\"missing\">Delområdet har inga aktiviteter.</p>\n");
        return;
      }
      out.append("<table class=\"activities\">\n").append(columns(13, 26, 16, 15, 30))
          .append("<thead><tr><th>Status</th><th>Aktivitet</th><th>Ansvarig</th>"
          + "<th>Period</th><th>Kommentar</th></tr></thead>\n<tbody>\n");
      for (ActivityLine activity : activities) {
        out.append("<tr><td class=\"status ").append(cssClass(activity.status())).append("\">")
            .append(statusLabel(activity.status())).append("</td><td>").append(escape(activity.description()))
            .append("</td><td>").append(escape(activity.responsible())).append("</td><td>")
            .append(period(activity.start(), activity.end())).append("</td><td>");
        if (activity.comment() == null) {
          out.append("<span class=\"missing\">Ingen rapport ännu</span>");
        } else {
          paragraphs(activity.comment());
          if (activity.reportedOn() != null) {
            out.append("<p class=\"reported\">(rapporterad ").append(activity.reportedOn()).append(")</p>");
          }
        }
        out.append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }

    private void promises() {
      heading("h2", "medborgarloften", "5 Medborgarlöften");
      List<PromiseLine> promises = orEmpty(report.promises());
      if (promises.isEmpty()) {
        out.append("<p class=\"missing\">Planen har inga medborgarlöften.</p>\n");
        return;
      }
      out.append("<table class=\"promises\">\n").append(columns(28, 12, 16, 28, 16))
          .append("<thead><tr><th>Löfte</th><th>Part</th><th>Mål</th><th>Genomfört</th>"
          + "<th>Bedömning</th></tr></thead>\n<tbody>\n");
      for (PromiseLine promise : promises) {
        List<LocalDate> dates = orEmpty(promise.occurrences());
        out.append("<tr><td>").append(escape(promise.text())).append("</td><td>").append(escape(promise.party()))
            .append("</td><td>").append(promise.target() == null ? "–" : escape(promise.target()))
            .append("</td><td><p>").append(dates.size());
        if (promise.target() != null) {
          out.append(" av minst ").append(promise.expectedSoFar()).append(" hittills");
        } else {
          out.append(dates.size() == 1 ? " gång" : " gånger");
        }
        out.append("</p>");
        if (!dates.isEmpty()) {
          out.append("<p class=\"dates\">").append(escape(compactDates(dates))).append("</p>");
        }
        out.append("</td><td>").append(escape(verdict(promise))).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }

    private void steeringFollowUps() {
      heading("h2", "styrgruppen", "6 Styrgruppens uppföljning");
      List<SteeringFollowUp> followUps = orEmpty(report.steeringFollowUps());
      if (followUps.isEmpty()) {
        out.append("<p class=\"missing\">Styrgruppen har inte följt upp planen ännu.</p>\n");
      }
      for (SteeringFollowUp followUp : followUps) {
        out.append("<h3>Styrgruppens möte ")
            .append(followUp.heldOn() == null ? "(datum saknas)" : followUp.heldOn().toString()).append("</h3>\n")
            .append("<h4>Slutsatser</h4>\n");
        textOr(followUp.conclusions(), "Inga slutsatser är antecknade.");
        out.append("<h4>Ändringar i planen</h4>\n");
        textOr(followUp.planChanges(), "Inga ändringar i planen");
      }
    }

    private void lessons() {
      heading("h2", "lardomar", "7 Lärdomar till nästa år");
      textOr(report.lessons(), "Inga lärdomar är skrivna ännu.");
    }

    private static String interventionNumber(int area, int intervention) {
      return "4." + (area + 1) + "." + (intervention + 1);
    }

    private static String interventionId(int area, int intervention) {
      return "delomrade-" + (area + 1) + "-insats-" + (intervention + 1);
    }

    private void heading(String element, String id, String text) {
      out.append('<').append(element).append(" id=\"").append(id).append("\">").append(escape(text))
          .append("</").append(element).append(">\n");
    }

    private void textOr(String text, String placeholder) {
      if (text == null || text.isBlank()) {
        out.append("<p class=\"missing\">").append(escape(placeholder)).append("</p>\n");
      } else {
        paragraphs(text);
        out.append('\n');
      }
    }

    /** A blank line starts a new paragraph, a single line break stays a line break, as the user typed it. */
    private void paragraphs(String text) {
      String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
      for (String paragraph : normalised.split("\n[ \t]*\n\\s*")) {
        out.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br/>")).append("</p>");
      }
    }
  }

  private static String statusLabel(ActivityStatus status) {
    // the no-break space keeps the symbol with the name when a narrow cell wraps
    return "<span class=\"symbol\">" + escape(status.symbol()) + "</span>&#160;" + escape(status.swedishName());
  }

  private static String cssClass(ActivityStatus status) {
    return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String meaning(ActivityStatus status) {
    return switch (status) {
      case NOT_STARTED -> "Startdatum ligger längre fram";
      case ONGOING -> "Genomförandet pågår enligt plan";
      case ONGOING_WITH_DEVIATION -> "Genomförandet pågår, med avvikelse från planen";
      case COMPLETED -> "Genomförandet är klart enligt plan";
      case COMPLETED_WITH_DEVIATION -> "Genomförandet är avslutat, med avvikelse från planen";
      case DELAYED -> "Inte avslutad och har passerat planerat slutdatum";
    };
  }

  private static String verdict(PromiseLine promise) {
    if (promise.verdict() != null) {
      return promise.verdict();
    }
    return promise.target() == null ? "Inget mätbart mål" : "Inte bedömt";
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
      return "–";
    }
    NumberFormat format = NumberFormat.getNumberInstance(SWEDISH);
    format.setMaximumFractionDigits(2);
    String number = format.format(figure.value());
    return figure.unit() == null || figure.unit().isBlank() ? number : number + " " + figure.unit().strip();
  }

  private static String period(LocalDate start, LocalDate end) {
    if (start == null && end == null) {
      return "";
    }
    if (end == null) {
      return "från " + date(start);
    }
    return start == null ? "till " + date(end) : date(start) + " – " + date(end);
  }

  /** Kept on one line: the line breaker would otherwise split a narrow cell's date at its hyphens. */
  private static String date(LocalDate date) {
    return "<span class=\"date\">" + date + "</span>";
  }

  /** Fixed widths, so a long comment gets the room and the short columns are not squeezed into one word a line. */
  private static String columns(int... percents) {
    StringBuilder columns = new StringBuilder("<colgroup>");
    for (int percent : percents) {
      columns.append("<col style=\"width: ").append(percent).append("%;\"/>");
    }
    return columns.append("</colgroup>\n").toString();
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

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * Escapes markup and drops the characters XML 1.0 forbids (a vertical tab pasted from Word would otherwise make
   * the whole document unparseable for openhtmltopdf).
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
          if (allowed) {
            escaped.appendCodePoint(c);
          }
        }
      }
    });
    return escaped.toString();
  }
}
