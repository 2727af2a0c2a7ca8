package se.tryggsamverkan.publication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
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

/** The coordinators decide what is public: a signed year published or withdrawn, the whole page on or off. */
@RestController
@RequestMapping(path = "/api/tenants/{tenantId}", produces = "application/json")
@Tag(name = "Publicering", description = "Vad som visas på kommunens offentliga sida")
@SecurityRequirement(name = "basic")
class PublicationController {

  record Published(Boolean published) {
  }

  record Enabled(Boolean enabled) {
  }

  private final Publications publications;
  private final ApiAccess access;
  private final Viewer viewer;

  PublicationController(Publications publications, ApiAccess access, Viewer viewer) {
    this.publications = publications;
    this.access = access;
    this.viewer = viewer;
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
    access.checkRole("Bara samordnarna bestämmer vad som publiceras", Role.POLICE_COORDINATOR,
        Role.MUNICIPAL_COORDINATOR);
  }
}
