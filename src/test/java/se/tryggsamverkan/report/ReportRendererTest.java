package se.tryggsamverkan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.report.FollowUpReport.ActivityLine;
import se.tryggsamverkan.report.FollowUpReport.Figure;
import se.tryggsamverkan.report.FollowUpReport.FocusAreaSection;
import se.tryggsamverkan.report.FollowUpReport.PromiseLine;
import se.tryggsamverkan.report.FollowUpReport.SteeringFollowUp;

class ReportRendererTest {

  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String HOSTILE = "Två pass ställdes in <script>alert(1)</script> & \" '";

  private final ReportRenderer renderer = new ReportRenderer(Documents.standalone(), new se.tryggsamverkan.documents.PdfPrinter());

  @Test
  void htmlIsStrictXmlAndHostileTextStaysText() throws Exception {
    String html = renderer.html(report(false));

    Document dom = parse(html);

    assertThat(dom.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
    assertThat(dom.getDocumentElement().getAttribute("lang")).isEqualTo("sv");
    assertThat(dom.getElementsByTagNameNS("*", "script").getLength()).as("script elements").isZero();
    assertThat(normalised(dom.getDocumentElement().getTextContent())).contains(HOSTILE);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot; &#39;");
  }

  @Test
  void htmlLinksTheContentsToEverySection() throws Exception {
    Document dom = parse(renderer.html(report(false)));

    NodeList links = dom.getElementsByTagNameNS(XHTML, "a");
    // seven chapters, two focus areas and the one intervention, numbered as Kungälv numbers it (4.1.1)
    assertThat(links.getLength()).isEqualTo(10);
    for (int i = 0; i < links.getLength(); i++) {
      String target = ((Element) links.item(i)).getAttribute("href").substring(1);
      assertThat(elementWithId(dom, target)).as("section " + target).isNotNull();
    }
    assertThat(normalised(dom.getDocumentElement().getTextContent()))
        .contains("4.1 Våld i nära relationer", "4.2 Trygghet i centrum", "4.1.1 Insats: Motverka våld i hemmet");
  }

  @Test
  void pdfHoldsEveryActivityWithItsStatusAndComment() throws IOException {
    String text = pdfText(renderer.pdf(report(false)));

    assertThat(text).contains(
        "✔ Avslutad Kunskapskampanj",
        "◐ Pågående med avvikelse Personalutbildning",
        "● Pågående Trygghetsvandring",
        "! Försenad Parkbelysning",
        "■ Stoppad Nattvandring",
        "Ingen rapport ännu");
    // a comment wraps in its cell, wherever the line breaker likes
    assertThat(text).containsIgnoringWhitespaces(
        "Kampanjen nådde alla skolor. (rapporterad 2026-11-30)",
        HOSTILE + " (rapporterad 2026-10-02)",
        "Vandringar varje månad. (rapporterad 2026-09-01)",
        "Stoppad 2026-05-04. Skäl: Föreningarna vandrar själva. Två vandringar gjordes. (rapporterad 2026-04-01)");
    assertThat(text).as("the legend explains every status").contains("■ Stoppad",
        "Stoppad genom ett beslut om ändrad plan och följs inte upp längre");
  }

  @Test
  void pdfNamesTheYearTheMunicipalityAndEveryPromiseVerdict() throws IOException {
    byte[] pdf = renderer.pdf(report(false));

    String text = pdfText(pdf);
    assertThat(text).contains("KUNGSBACKA KOMMUN", "Uppföljning 2026", "i Kungsbacka", "Kommunstyrelsen",
        "2027-02-16", "Lokalpolisområde Kungsbacka");
    assertThat(text).contains("I riskzonen", "Hållet", "Inget mätbart mål", "10 av minst 11 hittills");
    assertThat(text).contains("Belysningen flyttas till 2027.", "Skapad 2027-01-20 14:05 i trygg-samverkan");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void pdfEmbedsDejaVuAsSubsetWithTitleAndLanguage() throws IOException {
    try (PDDocument document = Loader.loadPDF(renderer.pdf(report(false)))) {
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Uppföljning 2026: samverkan mot brott och för trygghet i Kungsbacka");
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv-SE");
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).as("subset prefix").matches("[A-Z]{6}\\+DejaVuSans.*");
        }
      }
    }
  }

  @Test
  void chartFillsTheBarOfTheLargestValueOfEachUnit() throws Exception {
    Document dom = parse(renderer.html(report(false)));

    Map<String, String> widths = new HashMap<>();
    NodeList bars = dom.getElementsByTagNameNS(XHTML, "div");
    for (int i = 0; i < bars.getLength(); i++) {
      Element bar = (Element) bars.item(i);
      if (bar.getAttribute("class").equals("bar")) {
        Element row = (Element) bar.getParentNode().getParentNode();
        widths.put(row.getElementsByTagNameNS(XHTML, "td").item(0).getTextContent(), bar.getAttribute("style"));
      }
    }

    assertThat(widths).containsOnly(
        Map.entry("Anmälda våldsbrott", "width: 100%;"),
        Map.entry("Anmälda bostadsinbrott", "width: 25%;"),
        Map.entry("Otrygga i bostadsområdet", "width: 100%;"));
    assertThat(normalised(dom.getDocumentElement().getTextContent())).contains("23,5 procent", "412 anmälningar");
  }

  @Test
  void draftMarkerAppearsOnlyInADraft() throws Exception {
    for (boolean draft : new boolean[] {true, false}) {
      FollowUpReport report = report(draft);

      assertThat(parse(renderer.html(report)).getElementsByTagNameNS(XHTML, "p"))
          .as("draft " + draft).satisfies(paragraphs -> {
            boolean marked = false;
            for (int i = 0; i < paragraphs.getLength(); i++) {
              marked |= ((Element) paragraphs.item(i)).getAttribute("class").equals("draft");
            }
            assertThat(marked).isEqualTo(draft);
          });
      assertThat(pdfText(renderer.pdf(report)).contains("UTKAST")).as("draft " + draft).isEqualTo(draft);
    }
  }

  @Test
  void missingPartsAreSaidInWords() throws Exception {
    FollowUpReport empty = new FollowUpReport("Kungälv kommun", null, 2026, null, true, null, null, null, List.of(),
        List.of(), List.of(), List.of(), null, LocalDateTime.of(2026, 3, 1, 8, 0));

    String text = normalised(parse(renderer.html(empty)).getDocumentElement().getTextContent());

    assertThat(text).contains("KUNGÄLV KOMMUN", "Datum för kommunstyrelsen är inte bestämt",
        "Sammanfattningen skrivs av samordnarna i uppgiften för årsrapporten.",
        "Lägesbilden innehåller inga siffror för året.", "Styrgruppen har inte följt upp planen ännu.",
        "Inga lärdomar är skrivna ännu.");
    assertThat(text).doesNotContain("KOMMUN KOMMUN");
  }

  @Test
  void figuresFromKoladaNameTheirSourceAsItsTermsAskAndOtherFiguresDoNot() throws Exception {
    FollowUpReport withKolada = new FollowUpReport("Kungsbacka", null, 2027, null, true, null, null, null,
        List.of(new Figure("Officiell statistik (Kolada)", "Polisen", "Anmälda brott totalt, antal/100 000 inv, 2025: "
            + "Kungsbacka 5 432 · länet 6 100 · riket 7 900 (Källa: Kolada, N07540).", new BigDecimal("5432"),
            "anmälda brott per 100 000 invånare")),
        List.of(), List.of(), List.of(), null, LocalDateTime.of(2027, 3, 1, 8, 0));

    assertThat(normalised(parse(renderer.html(withKolada)).getDocumentElement().getTextContent()))
        .contains("Källa: Kolada (RKA). Rader med källan Officiell statistik (Kolada)");
    assertThat(normalised(parse(renderer.html(report(false))).getDocumentElement().getTextContent()))
        .doesNotContain("Källa: Kolada");
  }

  private static FollowUpReport report(boolean draft) {
    List<Figure> figures = List.of(
        new Figure("Brå", "Polisen", "Anmälda våldsbrott", new BigDecimal("412"), "anmälningar"),
        new Figure("Brå", "Polisen", "Anmälda bostadsinbrott", new BigDecimal("103"), "anmälningar"),
        new Figure("NTU", "Kommunen", "Otrygga i bostadsområdet", new BigDecimal("23.5"), "procent"));
    FocusAreaSection violence = new FocusAreaSection("Våld i nära relationer", List.of("Motverka våld i hemmet"),
        List.of(
            new ActivityLine("Kunskapskampanj", "Anna Berg", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30),
                ActivityStatus.COMPLETED, "Kampanjen nådde alla skolor.", LocalDate.of(2026, 11, 30)),
            new ActivityLine("Personalutbildning", "Olle Ek", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 12, 31),
                ActivityStatus.ONGOING_WITH_DEVIATION, HOSTILE, LocalDate.of(2026, 10, 2))));
    FocusAreaSection centre = new FocusAreaSection("Trygghet i centrum", List.of(), List.of(
        new ActivityLine("Trygghetsvandring", "Polisen", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
            ActivityStatus.ONGOING, "Vandringar varje månad.", LocalDate.of(2026, 9, 1)),
        new ActivityLine("Parkbelysning", "Tekniska", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
            ActivityStatus.DELAYED, null, null),
        new ActivityLine("Nattvandring", "Föreningarna", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
            ActivityStatus.STOPPED, "Två vandringar gjordes.", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 4),
            "Föreningarna vandrar själva.")));
    List<PromiseLine> promises = List.of(
        new PromiseLine("Öppet hus på biblioteket", "Polisen", "minst 1 per månad", dates(10), 11, "I riskzonen"),
        new PromiseLine("Trygghetsvandring med boende", "Kommunen", "minst 2 per år", dates(2), 2, "Hållet"),
        new PromiseLine("Besök på skolorna", "Polisen", null, dates(3), 0, null));
    return new FollowUpReport("Kungsbacka", "Lokalpolisområde Kungsbacka", 2026, LocalDate.of(2027, 2, 16), draft,
        "Planen gäller 2026–2027.\n\nDen följs upp varje år.", "Året gick enligt plan.",
        "Brotten minskar.\nOtryggheten ökar något.", figures, List.of(violence, centre), promises,
        List.of(new SteeringFollowUp(LocalDate.of(2026, 9, 15), "Planen följs i stort.",
            "Belysningen flyttas till 2027.")),
        "Börja tidigare med belysningen.", LocalDateTime.of(2027, 1, 20, 14, 5));
  }

  private static List<LocalDate> dates(int count) {
    return IntStream.range(0, count).mapToObj(i -> LocalDate.of(2026, 1 + i, 10)).toList();
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler() {
      @Override
      public void error(SAXParseException e) throws SAXParseException {
        throw e;
      }
    });
    return builder.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element elementWithId(Document dom, String id) {
    NodeList all = dom.getElementsByTagNameNS(XHTML, "*");
    for (int i = 0; i < all.getLength(); i++) {
      if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
        return (Element) all.item(i);
      }
    }
    return null;
  }

  /** PDF text comes back with line breaks where the layout wrapped; compare it as one line. */
  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return normalised(new PDFTextStripper().getText(document));
    }
  }

  private static String normalised(String text) {
    return text.replaceAll("[\\s\\u00A0]+", " ");
  }
}
