package se.tryggsamverkan.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.report.YearlyReports;
import se.tryggsamverkan.web.ApiAccess;

/**
 * The archived yearly follow-up reports of a municipality, as PDF and HTML: the latest version by default, any
 * earlier draft by its number. Everyone in the municipality may read them; nobody outside it.
 */
@RestController
@RequestMapping(path = "/api/tenants/{tenantId}/agreements/{agreementId}/years/{year}")
@Tag(name = "Uppföljningsrapport", description = "Den årliga uppföljningsrapporten till kommunstyrelsen")
@SecurityRequirement(name = "basic")
class YearlyReportController {

  record ReportVersion(int version, boolean isFinal, LocalDateTime generatedAt, String generatedBy, Integer pdfBytes,
      String pdf, String html) {
  }

  /** The report is shown as a document: its own styles only, nothing that runs. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
      + "img-src data:; frame-ancestors 'self'";

  private final YearlyReports reports;
  private final ApiAccess access;

  YearlyReportController(YearlyReports reports, ApiAccess access) {
    this.reports = reports;
    this.access = access;
  }

  @GetMapping(path = "/reports", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Årets versioner av uppföljningsrapporten (utkast och slutlig)")
  List<ReportVersion> versions(@PathVariable String tenantId, @PathVariable String agreementId,
      @PathVariable int year) {
    access.agreementYear(tenantId, agreementId, year);
    String base = "/api/tenants/" + tenantId + "/agreements/" + agreementId + "/years/" + year + "/report";
    return reports.versions(agreementId, year).stream()
        .map(v -> new ReportVersion(v.version(), v.isFinal(), v.generatedAt(), v.generatedBy(), v.pdfBytes(),
            base + ".pdf?version=" + v.version(), base + ".html?version=" + v.version()))
        .toList();
  }

  @GetMapping(path = "/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "Uppföljningsrapporten som PDF (senaste versionen om ingen anges)")
  ResponseEntity<byte[]> pdf(@PathVariable String tenantId, @PathVariable String agreementId, @PathVariable int year,
      @RequestParam(required = false) Integer version) {
    Agreement agreement = access.agreementYear(tenantId, agreementId, year);
    byte[] pdf = reports.pdf(agreementId, year, version).orElseThrow(() -> missing(year, version));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("uppfoljning-" + agreement.tenantId() + "-" + year + ".pdf").build().toString())
        .contentType(MediaType.APPLICATION_PDF).body(pdf);
  }

  @GetMapping(path = "/report.html", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "Uppföljningsrapporten som HTML (senaste versionen om ingen anges)")
  ResponseEntity<String> html(@PathVariable String tenantId, @PathVariable String agreementId,
      @PathVariable int year, @RequestParam(required = false) Integer version) {
    access.agreementYear(tenantId, agreementId, year);
    String html = reports.html(agreementId, year, version).orElseThrow(() -> missing(year, version));
    return ResponseEntity.ok().header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html);
  }

  private static ResponseStatusException missing(int year, Integer version) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, version == null
        ? "Det finns ingen uppföljningsrapport för " + year + " ännu"
        : "Uppföljningsrapporten för " + year + " har ingen version " + version);
  }
}
