package se.tryggsamverkan.publication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.publication.PromiseDocuments;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.identity.Viewer;
import se.tryggsamverkan.publication.Publications;
import se.tryggsamverkan.web.ApiAccess;

/**
 * The coordinators decide what is public: a signed year published or withdrawn, the whole page on or off. Everyone of
 * the municipality sees where a year stands and reads the signed promise document.
 */
@RestController
@RequestMapping(path = "/api/tenants/{tenantId}", produces = "application/json")
@Tag(name = "Publicering", description = "Vad som visas på kommunens offentliga sida")
@SecurityRequirement(name = "basic")
class PublicationController {

  private static final Role[] COORDINATORS = {Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR};

  record Published(Boolean published) {
  }

  record Enabled(Boolean enabled) {
  }

  /**
   * Where the year stands, for the municipality's page in the overview: the links are null when there is nothing
   * there (not signed, or not public).
   */
  record PublicationView(int year, boolean signed, LocalDate signedOn, boolean published, LocalDateTime withdrawnAt,
      String withdrawnBy, boolean pageEnabled, boolean mayChange, String publicPage, String documentPdf,
      String documentHtml) {
  }

  private final Publications publications;
  private final PromiseDocuments documents;
  private final ApiAccess access;
  private final Viewer viewer;

  PublicationController(Publications publications, PromiseDocuments documents, ApiAccess access, Viewer viewer) {
    this.publications = publications;
    this.documents = documents;
    this.access = access;
    this.viewer = viewer;
  }

  @GetMapping(path = "/agreements/{agreementId}/years/{year}/publication")
  @Operation(summary = "Om årets medborgarlöften är undertecknade och publicerade, med länkar till sidan och dokumentet")
  PublicationView status(@PathVariable String tenantId, @PathVariable String agreementId, @PathVariable int year) {
    Agreement agreement = access.agreementYear(tenantId, agreementId, year);
    Publications.Status status = publications.status(agreement, year);
    boolean signed = status.signedOn() != null;
    boolean isPublic = signed && status.published() && status.pageEnabled();
    String link = PromiseDocuments.link(agreement, year);
    return new PublicationView(year, signed, status.signedOn(), status.published(), status.withdrawnAt(),
        status.withdrawnBy(), status.pageEnabled(), java.util.Arrays.stream(COORDINATORS).anyMatch(viewer::hasRole),
        isPublic ? "/offentlig/" + agreement.tenantId() + "/" + year : null, signed ? link + ".pdf" : null,
        signed ? link + ".html" : null);
  }

  @GetMapping(path = "/agreements/{agreementId}/years/{year}/promise-document.html", produces = "text/html")
  @Operation(summary = "Medborgarlöftena som de undertecknades (webbsida)")
  ResponseEntity<String> documentHtml(@PathVariable String tenantId, @PathVariable String agreementId,
      @PathVariable int year) {
    Agreement agreement = access.agreementYear(tenantId, agreementId, year);
    return ResponseEntity.ok().header("Content-Security-Policy", SignedDocumentResponses.CONTENT_SECURITY_POLICY)
        .contentType(SignedDocumentResponses.HTML)
        .body(documents.html(agreement, year).orElseThrow(() -> notSigned(year)));
  }

  @GetMapping(path = "/agreements/{agreementId}/years/{year}/promise-document.pdf", produces = "application/pdf")
  @Operation(summary = "Medborgarlöftena som de undertecknades (PDF)")
  ResponseEntity<byte[]> documentPdf(@PathVariable String tenantId, @PathVariable String agreementId,
      @PathVariable int year) {
    Agreement agreement = access.agreementYear(tenantId, agreementId, year);
    return SignedDocumentResponses.pdf(agreement, year,
        documents.pdf(agreement, year).orElseThrow(() -> notSigned(year)));
  }

  @PutMapping(path = "/agreements/{agreementId}/years/{year}/publication", consumes = "application/json")
  @Operation(summary = "Publicera ett undertecknat års medborgarlöften igen, eller ta bort dem från den offentliga sidan")
  ResponseEntity<Void> publication(@PathVariable String tenantId, @PathVariable String agreementId,
      @PathVariable int year, @RequestBody Published body) {
    var agreement = access.agreement(tenantId, agreementId);
    coordinatorsOnly();
    if (body == null || body.published() == null) {
      throw InvalidInputException.of("published", "Ange published: true (publicera) eller false (ta bort)");
    }
    publications.setPublished(agreement, year, body.published(), viewer.userId());
    return ResponseEntity.noContent().build();
  }

  @PutMapping(path = "/public-page", consumes = "application/json")
  @Operation(summary = "Slå på eller av kommunens offentliga sida med medborgarlöften")
  ResponseEntity<Void> page(@PathVariable String tenantId, @RequestBody Enabled body) {
    access.checkTenant(tenantId);
    coordinatorsOnly();
    if (body == null || body.enabled() == null) {
      throw InvalidInputException.of("enabled", "Ange enabled: true (sidan visas) eller false (sidan visas inte)");
    }
    publications.setPageEnabled(tenantId, body.enabled(), viewer.userId());
    return ResponseEntity.noContent().build();
  }

  private void coordinatorsOnly() {
    access.checkRole("Bara samordnarna bestämmer vad som publiceras", COORDINATORS);
  }

  private static ResponseStatusException notSigned(int year) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Medborgarlöftena för " + year
        + " är inte undertecknade än");
  }
}
