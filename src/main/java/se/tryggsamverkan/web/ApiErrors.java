package se.tryggsamverkan.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import se.tryggsamverkan.common.InvalidInputException;

/**
 * Refused input through the JSON API: 400 with a Swedish message, one message per field where there are fields;
 * never a stack trace or a framework's English. A fault of the server's own (a database that does not answer, a
 * defect) is logged in full with a reference and answered 500 in Swedish with that reference only: the error's own
 * words can name tables and statements, and they are for the log.
 */
@RestControllerAdvice
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** Longest piece of the caller's value repeated in a message. */
  private static final int ECHO = 40;

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> refused(InvalidInputException e) {
    return badRequest(e.getMessage(), e.fieldErrors());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> wrongType(MethodArgumentTypeMismatchException e) {
    String value = String.valueOf(e.getValue());
    String shown = value.length() > ECHO ? value.substring(0, ECHO) + "…" : value;
    String expected = e.getRequiredType() != null && Number.class.isAssignableFrom(box(e.getRequiredType()))
        ? "ett heltal" : "ett giltigt värde";
    return badRequest(e.getName() + " ska vara " + expected + ", inte \"" + shown + "\"",
        Map.of(e.getName(), "ska vara " + expected));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return badRequest(e.getParameterName() + " måste anges", Map.of(e.getParameterName(), "måste anges"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return badRequest("Begäran kunde inte läsas: skicka ett JSON-objekt med de fält som API-beskrivningen anger",
        Map.of());
  }

  /**
   * Everything under {@code /api/} that the handlers above and Spring's own (statuses the exception carries, refused
   * logins and access) do not answer. Those, and the HTML pages' faults, are passed on by throwing them again, which
   * makes Spring try its next resolver.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) throws Exception {
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    if (!api || e instanceof ErrorResponse || e instanceof TypeMismatchException || e instanceof BindException
        || e instanceof AccessDeniedException || e instanceof AuthenticationException
        || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)) {
      throw e;
    }
    String reference = Faults.reference();
    LOG.error("Unexpected error in the API, reference {}", reference, e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(Map.of("status", 500, "message", Faults.message(reference), "reference", reference));
  }

  private static ResponseEntity<Map<String, Object>> badRequest(String message, Map<String, String> fieldErrors) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("status", 400, "message", message, "fieldErrors", fieldErrors));
  }

  private static Class<?> box(Class<?> type) {
    return type == int.class || type == long.class ? Integer.class : type;
  }
}
