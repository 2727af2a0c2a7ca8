package se.tryggsamverkan.publication.web;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.publication.PromiseDocuments;
import se.tryggsamverkan.publication.OpenData;
import se.tryggsamverkan.publication.PublicPage;
import se.tryggsamverkan.publication.Publications;

/**
 * The municipality's public page of citizen promises, for anyone, without logging in (issue 16): as a web page and
 * as open data (JSON, CSV), and the signed promise document. A municipality, year or page that is not public answers 404, the same as one that does not
 * exist, so that nothing can be learnt from the difference.
 */
@RestController
@Tag(name = "Offentligt", description = "Medborgarlöftena som invånarna ser dem, utan inloggning")
class PublicPageController {

  private static final String NOT_PUBLIC = "Det finns inga publicerade medborgarlöften här";
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Publications publications;
  private final PromiseDocuments signedDocuments;
  private final Documents documents;
  private final Clock clock;

  PublicPageController(Publications publications, PromiseDocuments signedDocuments, Documents documents,
      Clock clock) {
    this.publications = publications;
    this.signedDocuments = signedDocuments;
    this.documents = documents;
    this.clock = clock;
  }

  @GetMapping(path = "/offentlig/{tenantId}", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "Kommunens medborgarlöften i år, och hur de hålls")
  ResponseEntity<String> page(@PathVariable String tenantId) {
    return html(page(tenantId, null));
  }

  @GetMapping(path = "/offentlig/{tenantId}/{year:\\d{4}}", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "Kommunens medborgarlöften ett visst år")
  ResponseEntity<String> year(@PathVariable String tenantId, @PathVariable int year) {
    return html(page(tenantId, year));
  }

  @GetMapping(path = "/offentlig/{tenantId}/{year:\\d{4}}/medborgarloften.html", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "Medborgarlöftena ett år som de undertecknades (webbsida)")
  ResponseEntity<String> signedHtml(@PathVariable String tenantId, @PathVariable int year) {
    Agreement agreement = published(tenantId, year);
    return ResponseEntity.ok().cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", SignedDocumentResponses.CONTENT_SECURITY_POLICY)
        .contentType(SignedDocumentResponses.HTML)
        .body(signedDocuments.html(agreement, year).orElseThrow(PublicPageController::notPublic));
  }

  @GetMapping(path = "/offentlig/{tenantId}/{year:\\d{4}}/medborgarloften.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "Medborgarlöftena ett år som de undertecknades (PDF)")
  ResponseEntity<byte[]> signedPdf(@PathVariable String tenantId, @PathVariable int year) {
    Agreement agreement = published(tenantId, year);
    return SignedDocumentResponses.pdf(agreement, year,
        signedDocuments.pdf(agreement, year).orElseThrow(PublicPageController::notPublic));
  }

  @GetMapping(path = "/offentlig/{tenantId}/loften.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Kommunens medborgarlöften i år som öppna data")
  ResponseEntity<PublicPage> json(@PathVariable String tenantId) {
    return openData().body(page(tenantId, null));
  }

  @GetMapping(path = "/offentlig/{tenantId}/loften.csv", produces = "text/csv")
  @Operation(summary = "Kommunens medborgarlöften i år som öppna data (CSV, en rad per löfte)")
  ResponseEntity<String> csv(@PathVariable String tenantId) {
    return openData().contentType(CSV).body(OpenData.csv(List.of(page(tenantId, null))));
  }

  /** Every municipality's current promises, with the licence they are published under. */
  record National(String licens, String licensUrl, List<PublicPage> kommuner) {
  }

  @GetMapping(path = "/offentlig/loften.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Alla kommuners medborgarlöften i år som öppna data")
  ResponseEntity<National> national() {
    return openData().body(new National(OpenData.LICENSE, OpenData.LICENSE_URL,
        publications.all(LocalDate.now(clock))));
  }

  @GetMapping(path = "/offentlig/loften.csv", produces = "text/csv")
  @Operation(summary = "Alla kommuners medborgarlöften i år som öppna data (CSV)")
  ResponseEntity<String> nationalCsv() {
    return openData().contentType(CSV).body(OpenData.csv(publications.all(LocalDate.now(clock))));
  }

  /** Open data may be cached, and asked again with its ETag (ShallowEtagHeaderFilter answers 304 then). */
  private static ResponseEntity.BodyBuilder openData() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .header("Link", "<" + OpenData.LICENSE_URL + ">; rel=\"license\"");
  }

  private PublicPage page(String tenantId, Integer year) {
    return publications.page(tenantId, year, LocalDate.now(clock)).orElseThrow(PublicPageController::notPublic);
  }

  private Agreement published(String tenantId, int year) {
    return publications.publishedAgreement(tenantId, year).orElseThrow(PublicPageController::notPublic);
  }

  private static ResponseStatusException notPublic() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_PUBLIC);
  }

  private ResponseEntity<String> html(PublicPage page) {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML)
        .body(documents.render("offentlig/loften", Map.of("page", page)));
  }
}
