package se.tryggsamverkan.publication;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.documents.PdfPrinter;
import se.tryggsamverkan.plan.PlanRepository;

/**
 * The signed promise document (issue 16): made at the signing from the approved plan and kept as XHTML with the
 * signing, so that it stays what the parties signed when a promise is added or sharpened later in the year (the
 * public page shows the promises as they stand). The PDF is printed from the kept document when someone asks for
 * it, not inside the signing's transaction.
 */
@Service
public class PromiseDocuments {

  static final String TEMPLATE = "offentlig/medborgarloften";

  private final JdbcClient jdbc;
  private final PlanRepository plans;
  private final Documents documents;
  private final PdfPrinter printer;

  PromiseDocuments(JdbcClient jdbc, PlanRepository plans, Documents documents, PdfPrinter printer) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.documents = documents;
    this.printer = printer;
  }

  /** Keeps the document of the year's approved promises, signed on that day, with the signing already recorded. */
  @Transactional
  public void keepSigned(Agreement agreement, int year, LocalDate signedOn) {
    int kept = jdbc.sql("update promise_publication set document_html = :html where agreement_id = :a "
            + "and cycle_year = :y")
        .param("html", render(agreement, year, signedOn)).param("a", agreement.id()).param("y", year).update();
    if (kept != 1) {
      throw new IllegalStateException("The signing of " + agreement.id() + " " + year + " must be recorded before "
          + "its document is kept");
    }
  }

  /**
   * The signed document of the year, or empty when its promises are not signed. A year signed before the documents
   * were kept gets one made from its approved plan now.
   */
  @Transactional(readOnly = true)
  public Optional<String> html(Agreement agreement, int year) {
    record Signed(LocalDate on, String html) {
    }
    return jdbc.sql("select signed_on, document_html from promise_publication where agreement_id = :a "
            + "and cycle_year = :y")
        .param("a", agreement.id()).param("y", year)
        .query((rs, n) -> new Signed(rs.getDate(1).toLocalDate(), rs.getString(2))).optional()
        .map(signed -> signed.html() != null ? signed.html() : render(agreement, year, signed.on()));
  }

  /** The same document as a PDF. */
  public Optional<byte[]> pdf(Agreement agreement, int year) {
    return html(agreement, year).map(html -> printer.print(html, "the signed promises of " + agreement.municipality()
        + " " + year));
  }

  /** Where the document is read through the product's API (add .pdf or .html). */
  public static String link(Agreement agreement, int year) {
    return "/api/tenants/" + agreement.tenantId() + "/agreements/" + agreement.id() + "/years/" + year
        + "/promise-document";
  }

  /** What the document's files are called when downloaded. */
  public static String fileName(Agreement agreement, int year, String extension) {
    return "medborgarloften-" + agreement.tenantId() + "-" + year + "." + extension;
  }

  private String render(Agreement agreement, int year, LocalDate signedOn) {
    var promises = plans.promisesOfApprovedPlan(agreement.id(), year).stream()
        .map(PlanRepository.ApprovedPromise::promise).toList();
    return documents.render(TEMPLATE, Map.of("doc", PromiseDocument.of(agreement, year, String.valueOf(signedOn),
        plans.focusAreas(agreement.id(), year), plans.problems(agreement.id(), year), promises)));
  }
}
