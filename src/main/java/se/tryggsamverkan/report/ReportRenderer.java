package se.tryggsamverkan.report;

import java.util.Map;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.documents.PdfPrinter;

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

  private final Documents documents;
  private final PdfPrinter printer;

  public ReportRenderer(Documents documents, PdfPrinter printer) {
    this.documents = documents;
    this.printer = printer;
  }

  /** An XHTML document, complete and well-formed, that both a browser and openhtmltopdf render. */
  public String html(FollowUpReport report) {
    return documents.render(TEMPLATE, Map.of("report", ReportView.of(report)));
  }

  /** The {@link #html} document printed to A4, for the board's meeting papers. */
  public byte[] pdf(FollowUpReport report) {
    return printer.print(html(report), "the follow-up report for " + report.municipality() + " " + report.year());
  }
}
