package se.tryggsamverkan.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's error page and error JSON say about a fault of the server's own (status 500 and up) on every
 * door that reaches them: the public pages, the webapps' and anything outside {@code /api/} ({@link ApiErrors}
 * answers those itself). Refusals (4xx) keep their message, which is written for users. A fault's own words can
 * name tables and statements, to anyone on a public page; they go to the log with a reference, and the answer says
 * in Swedish what happened and gives the reference.
 */
@Component
class ServerFaults extends DefaultErrorAttributes {

  private static final Logger LOG = LoggerFactory.getLogger(ServerFaults.class);

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    if (attributes.get("status") instanceof Integer status && status >= 500) {
      String reference = Faults.reference();
      Throwable error = getError(request);
      // the container has logged the error's trace just before; this line ties it to what the caller was told
      LOG.error("Server error answered at {}, reference {}: {}", attributes.get("path"), reference,
          error == null ? attributes.get("message") : error.toString());
      attributes.put("message", Faults.message(reference));
      attributes.put("reference", reference);
    }
    return attributes;
  }
}
