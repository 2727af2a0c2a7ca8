package se.tryggsamverkan.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import se.tryggsamverkan.common.InvalidInputException;

/**
 * Refused input through the JSON API: 400 with a Swedish message, one message per field where there are fields;
 * never a stack trace or a framework's English.
 */
@RestControllerAdvice
class ApiErrors {

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

  private static ResponseEntity<Map<String, Object>> badRequest(String message, Map<String, String> fieldErrors) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("status", 400, "message", message, "fieldErrors", fieldErrors));
  }

  private static Class<?> box(Class<?> type) {
    return type == int.class || type == long.class ? Integer.class : type;
  }
}
