package se.tryggsamverkan.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a list a Camunda Form submits (a dynamic list arrives as a JSON array of objects). Rows whose
 * fields are all empty are dropped: an "add row" clicked by mistake is not an error.
 */
public final class FormRows {

  public static final int MAX_ROWS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private FormRows() {
  }

  public static List<JsonNode> read(String field, String json, String listLabel, FieldChecks checks) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      checks.fail(field, listLabel + ": listan kunde inte läsas");
      return List.of();
    }
    if (!root.isArray()) {
      checks.fail(field, listLabel + ": ska vara en lista");
      return List.of();
    }
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode row : root) {
      if (row.isObject() && hasContent(row)) {
        rows.add(row);
      }
    }
    if (rows.size() > MAX_ROWS) {
      checks.fail(field, listLabel + ": högst " + MAX_ROWS + " rader");
      return List.of();
    }
    return rows;
  }

  /** The text of a field, or null when it is missing, null or blank. */
  public static String text(JsonNode row, String key) {
    JsonNode value = row.get(key);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static boolean hasContent(JsonNode row) {
    var fields = row.fields();
    while (fields.hasNext()) {
      JsonNode v = fields.next().getValue();
      if (v != null && !v.isNull() && !v.asText().isBlank()) {
        return true;
      }
    }
    return false;
  }
}
