package se.tryggsamverkan.common;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input a user gave that the product refuses, with one Swedish message per field. Thrown before anything is
 * stored, so the surrounding transaction (a task completion, a process start) is rolled back whole.
 */
public class InvalidInputException extends RuntimeException {

  /** How every refusal begins, so that layers that wrap it can find it again. */
  public static final String PREFIX = "Uppgifterna kunde inte sparas: ";

  private final transient Map<String, String> fieldErrors;

  public InvalidInputException(Map<String, String> fieldErrors) {
    super(describe(fieldErrors));
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(Map.of(field, message));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  private static String describe(Map<String, String> errors) {
    List<String> lines = errors.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getValue() + " (" + e.getKey() + ")")
        .toList();
    return PREFIX + lines.stream().collect(Collectors.joining("; "));
  }
}
