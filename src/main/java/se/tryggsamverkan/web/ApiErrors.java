package se.tryggsamverkan.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.tryggsamverkan.common.InvalidInputException;

/** Refused input through the JSON API: 400 with the Swedish message and one message per field. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> refused(InvalidInputException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("status", 400, "message", e.getMessage(), "fieldErrors", e.fieldErrors()));
  }
}
