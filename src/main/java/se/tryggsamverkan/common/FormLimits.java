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

  private static final Map<String, Integer> LIMITS = load();

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

  /** Every declared limit, as "formId/path". */
  public static Map<String, Integer> all() {
    return Map.copyOf(LIMITS);
  }

  private static Map<String, Integer> load() {
    Map<String, Integer> limits = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode root = json.readTree(in);
          collect(root.path("id").asText(), root.path("components"), "", limits);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The forms could not be read", e);
    }
    return limits;
  }

  private static void collect(String formId, JsonNode components, String prefix, Map<String, Integer> into) {
    for (JsonNode c : components) {
      if ("dynamiclist".equals(c.path("type").asText())) {
        collect(formId, c.path("components"), prefix + c.path("path").asText() + ".", into);
      } else if (c.path("validate").has("maxLength") && c.hasNonNull("key")) {
        into.put(formId + "/" + prefix + c.path("key").asText(), c.path("validate").path("maxLength").asInt());
      } else if (c.has("components")) {
        collect(formId, c.path("components"), prefix, into);
      }
    }
  }
}
