package se.tryggsamverkan.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The longest text each form field takes, declared once: in the field's {@code validate.maxLength} in its
 * {@code bpmn/*.form} file. Tasklist stops the user there; the server checks the same number with
 * {@link #max(String, String)}; the column the text is stored in is at least as wide (FieldLimitsTest), and a field
 * kept as a string process variable takes at most the engine's 4,000 characters.
 */
public final class FormLimits {

  /** The engine's limit for a string process variable (ACT_RU_VARIABLE.TEXT_). */
  public static final int STRING_VARIABLE = 4_000;

  private static final Map<String, Integer> LIMITS = new HashMap<>();
  private static final Map<String, Integer> MINIMUMS = new HashMap<>();
  private static final Map<String, Integer> MAXIMUMS = new HashMap<>();

  static {
    load();
  }

  private FormLimits() {
  }

  /**
   * The limit of a field: {@code path} is its key, or for a field in a list the list's path and the key
   * ({@code "activities.expectedEffect"}).
   */
  public static int max(String formId, String path) {
    Integer max = LIMITS.get(formId + "/" + path);
    if (max == null) {
      throw new IllegalStateException("The form " + formId + " declares no maxLength for " + path);
    }
    return max;
  }

  /** The smallest number a number field takes ({@code validate.min}), or null when it declares none. */
  public static Integer min(String formId, String path) {
    return MINIMUMS.get(formId + "/" + path);
  }

  /** The largest number a number field takes ({@code validate.max}), or null when it declares none. */
  public static Integer maxValue(String formId, String path) {
    return MAXIMUMS.get(formId + "/" + path);
  }

  /** Every declared limit, as "formId/path". */
  public static Map<String, Integer> all() {
    return Map.copyOf(LIMITS);
  }

  private static void load() {
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode root = json.readTree(in);
          collect(root.path("id").asText(), root.path("components"), "");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The forms could not be read", e);
    }
  }

  private static void collect(String formId, JsonNode components, String prefix) {
    for (JsonNode c : components) {
      String path = formId + "/" + prefix + c.path("key").asText();
      if ("dynamiclist".equals(c.path("type").asText())) {
        collect(formId, c.path("components"), prefix + c.path("path").asText() + ".");
      } else if (c.hasNonNull("key")) {
        if (c.path("validate").has("maxLength")) {
          LIMITS.put(path, c.path("validate").path("maxLength").asInt());
        }
        if (c.path("validate").has("min")) {
          MINIMUMS.put(path, c.path("validate").path("min").asInt());
        }
        if (c.path("validate").has("max")) {
          MAXIMUMS.put(path, c.path("validate").path("max").asInt());
        }
      } else if (c.has("components")) {
        collect(formId, c.path("components"), prefix);
      }
    }
  }
}
