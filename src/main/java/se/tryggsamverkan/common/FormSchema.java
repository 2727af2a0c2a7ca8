package se.tryggsamverkan.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks a Camunda Form declares, applied again on the server: the browser enforces "required" and the field
 * types, but the engine's REST API accepts any variables, so a form's own rules must hold for every submit.
 * Only top-level fields without a condition are checked here; lists and conditional fields belong to the task's
 * own listener, which knows what they mean.
 */
public final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code defaulted}: the form fills the field in itself, so a client that leaves it out means the default. */
  record Field(String key, String type, String label, boolean required, boolean readonly, boolean defaulted,
      int maxLength, Map<String, String> options, Double min, Double max) {
  }

  private final String formId;
  private final List<Field> fields;

  private FormSchema(String formId, List<Field> fields) {
    this.formId = formId;
    this.fields = fields;
  }

  public static FormSchema read(InputStream form) throws IOException {
    JsonNode root = JSON.readTree(form);
    List<Field> fields = new ArrayList<>();
    for (JsonNode c : root.path("components")) {
      if (!c.hasNonNull("key") || c.has("conditional")) {
        continue;
      }
      String label = c.path("label").asText(c.path("dateLabel").asText(c.path("key").asText()));
      fields.add(new Field(c.path("key").asText(), c.path("type").asText(), label,
          c.path("validate").path("required").asBoolean(false),
          c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
          c.has("defaultValue"), c.path("validate").path("maxLength").asInt(FormLimits.STRING_VARIABLE),
          options(c), number(c.path("validate").path("min")), number(c.path("validate").path("max"))));
    }
    return new FormSchema(root.path("id").asText(), List.copyOf(fields));
  }

  /** A select's or radio's own options, value to label; empty when they come from a variable. */
  private static Map<String, String> options(JsonNode component) {
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode option : component.path("values")) {
      options.put(option.path("value").asText(), option.path("label").asText());
    }
    return options;
  }

  private static Double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : null;
  }

  public String formId() {
    return formId;
  }

  /** Refuses, in Swedish and naming each field, a submit that misses a required field or gives a wrong type. */
  public void check(Function<String, Object> submitted) {
    FieldChecks checks = new FieldChecks();
    for (Field f : fields) {
      if (f.readonly()) {
        continue;
      }
      Object value = submitted.apply(f.key());
      boolean blank = value == null || value.toString().isBlank();
      if (blank) {
        if (f.required() && !f.defaulted()) {
          checks.fail(f.key(), f.label() + " måste fyllas i");
        }
        continue;
      }
      switch (f.type()) {
        case "datetime" -> checks.requiredDate(f.key(), value, f.label());
        case "number" -> {
          Double number = null;
          try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
          } catch (NumberFormatException e) {
            checks.fail(f.key(), f.label() + " ska vara ett tal");
          }
          if (number != null && (f.min() != null && number < f.min() || f.max() != null && number > f.max())) {
            checks.fail(f.key(), f.label() + " ska vara " + range(f));
          }
        }
        case "select", "radio" -> {
          if (!f.options().isEmpty() && !f.options().containsKey(value.toString())) {
            checks.fail(f.key(), f.label() + ": '" + value + "' är inget av alternativen ("
                + String.join(", ", f.options().values()) + ")");
          }
        }
        case "textfield", "textarea" -> checks.optionalText(f.key(), value, f.label(), f.maxLength());
        default -> {
          // checkboxes, and selects whose options come from a variable: checked where they are used
        }
      }
    }
    checks.throwIfAny();
  }

  private static String range(Field f) {
    String min = f.min() == null ? null : String.valueOf(f.min().longValue());
    String max = f.max() == null ? null : String.valueOf(f.max().longValue());
    return min != null && max != null ? "mellan " + min + " och " + max
        : min != null ? "minst " + min : "högst " + max;
  }
}
