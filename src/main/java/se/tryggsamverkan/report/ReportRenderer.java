package se.tryggsamverkan.report;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.documents.Documents;

/**
 * Renders the yearly follow-up report as one XHTML document and prints that same document to PDF, so the board reads
 * on paper exactly what the coordinators previewed in the browser. The document is the Thymeleaf template
 * {@code templates/rapport/arsrapport.html} filled with a {@link ReportView}; it is well-formed XML because
 * openhtmltopdf parses it with an XML parser, and the chart is plain tables and divs so that both the browser and
 * openhtmltopdf draw it without scripts or images.
 */
@Component
public class ReportRenderer {

  static final String TEMPLATE = "rapport/arsrapport";
  private static final String FONT_FAMILY = "DejaVu Sans";

  private final Documents documents;

  public ReportRenderer(Documents documents) {
    this.documents = documents;
  }

  /** An XHTML document, complete and well-formed, that both a browser and openhtmltopdf render. */
  public String html(FollowUpReport report) {
    return documents.render(TEMPLATE, Map.of("report", ReportView.of(report)));
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
}
