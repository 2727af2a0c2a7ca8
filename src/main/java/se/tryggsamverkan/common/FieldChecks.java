package se.tryggsamverkan.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects Swedish field errors while reading raw form input, then throws them all at once. */
public final class FieldChecks {

  private final Map<String, String> errors = new LinkedHashMap<>();

  public String required(String field, Object value, String label) {
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      errors.put(field, label + " måste fyllas i");
      return null;
    }
    return limited(field, text, label, 200);
  }

  /** A text that must be given, at most {@code max} characters: the field's limit in its form (FormLimits). */
  public String requiredText(String field, Object value, String label, int max) {
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      errors.put(field, label + " måste fyllas i");
      return null;
    }
    return limited(field, text, label, max);
  }

  /** A text that may be left out, at most {@code max} characters: the field's limit in its form (FormLimits). */
  public String optionalText(String field, Object value, String label, int max) {
    String text = value == null ? "" : value.toString().trim();
    return text.isEmpty() ? null : limited(field, text, label, max);
  }

  public LocalDate requiredDate(String field, Object value, String label) {
    String text = required(field, value, label);
    if (text == null) {
      return null;
    }
    try {
      // Camunda Forms submit dates as yyyy-MM-dd; a date-time is cut to its date
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      errors.put(field, label + " är inget giltigt datum (skriv ÅÅÅÅ-MM-DD)");
      return null;
    }
  }

  public void fail(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private String limited(String field, String text, String label, int max) {
    if (text.length() > max) {
      errors.put(field, label + " är för lång (högst " + max + " tecken)");
      return null;
    }
    return text;
  }
}
