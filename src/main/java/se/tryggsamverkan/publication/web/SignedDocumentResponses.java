package se.tryggsamverkan.publication.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.publication.PromiseDocuments;

/** How the signed promise document is answered, on the public page and in the API alike. */
final class SignedDocumentResponses {

  /** The document has no scripts, images or outside resources, and may not have any. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
      + "frame-ancestors 'self'";
  static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private SignedDocumentResponses() {
  }

  static ResponseEntity<byte[]> pdf(Agreement agreement, int year, byte[] pdf) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(PromiseDocuments.fileName(agreement, year, "pdf")).build().toString())
        .contentType(MediaType.APPLICATION_PDF).body(pdf);
  }
}
