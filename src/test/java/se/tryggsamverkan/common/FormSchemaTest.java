package se.tryggsamverkan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.FileInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generated from the forms in bpmn/: every select and radio of its own options, every number with a minimum or a
 * maximum, and every text field, each at its edge and one past it, through the same check the engine runs when a
 * task or a start form is completed (FormRulesListener). A valid value of the other fields is given beside it.
 */
class FormSchemaTest {

  @Test
  void everyChoiceNumberAndTextOfEveryFormIsTakenAtItsEdgeAndRefusedOnePast() throws Exception {
    int cases = 0;
    List<String> wrong = new ArrayList<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".form"))) {
      FormSchema schema;
      try (var in = new FileInputStream(file)) {
        schema = FormSchema.read(in);
      }
      JsonNode root = new ObjectMapper().readTree(file);
      for (JsonNode c : root.path("components")) {
        if (!c.hasNonNull("key") || c.has("conditional") || c.path("readonly").asBoolean()
            || c.path("disabled").asBoolean()) {
          continue;
        }
        String key = c.path("key").asText();
        Map<String, Object[]> edges = edges(c);
        for (var edge : edges.entrySet()) {
          Map<String, Object> submit = validSubmit(root);
          submit.put(key, edge.getValue()[0]);
          boolean taken = (boolean) edge.getValue()[1];
          cases++;
          try {
            schema.check(submit::get);
            if (!taken) {
              wrong.add(file.getName() + " " + key + " took " + edge.getKey());
            }
          } catch (InvalidInputException e) {
            if (taken || !e.getMessage().contains(c.path("label").asText())) {
              wrong.add(file.getName() + " " + key + " " + edge.getKey() + ": " + e.getMessage());
            }
          }
        }
      }
    }
    System.out.printf("FormSchemaTest: %d cases from the forms%n", cases);
    assertThat(cases).isGreaterThan(50);
    assertThat(wrong).isEmpty();
  }

  @Test
  void aRadioWithAValueOutsideItsOptionsIsRefusedNamingTheOptions() throws Exception {
    FormSchema schema;
    try (var in = new FileInputStream("bpmn/agreementEvaluation.form")) {
      schema = FormSchema.read(in);
    }
    Map<String, Object> submit = Map.of("evaluation", "Bra", "renewalRecommendation", "MAYBE");

    assertThatThrownBy(() -> schema.check(submit::get)).hasMessageContaining(
        "Förnya överenskommelsen?: 'MAYBE' är inget av alternativen (Ja, med samma inriktning, "
            + "Ja, med ändrad inriktning, Nej)");
    assertThatCode(() -> schema.check(Map.<String, Object>of("evaluation", "Bra", "renewalRecommendation", "END")
        ::get)).doesNotThrowAnyException();
  }

  /** The values at a field's edges: name -> {value, taken?}. */
  private static Map<String, Object[]> edges(JsonNode c) {
    Map<String, Object[]> edges = new HashMap<>();
    JsonNode validate = c.path("validate");
    switch (c.path("type").asText()) {
      case "select", "radio" -> {
        if (c.has("values")) {
          edges.put("its last option", new Object[] {c.path("values").get(c.path("values").size() - 1)
              .path("value").asText(), true});
          edges.put("a value outside its options", new Object[] {"MAYBE", false});
        }
      }
      case "number" -> {
        if (validate.has("min")) {
          edges.put("its minimum", new Object[] {validate.path("min").asInt(), true});
          edges.put("one below its minimum", new Object[] {validate.path("min").asInt() - 1, false});
        }
        if (validate.has("max")) {
          edges.put("its maximum", new Object[] {validate.path("max").asInt(), true});
          edges.put("one above its maximum", new Object[] {validate.path("max").asInt() + 1, false});
        }
      }
      case "textfield", "textarea" -> {
        int max = validate.path("maxLength").asInt();
        edges.put("its maximum length", new Object[] {"ö".repeat(max), true});
        edges.put("one character more", new Object[] {"ö".repeat(max + 1), false});
      }
      default -> {
        // dates and lists are checked where they are read (FieldChecks, PlanInput)
      }
    }
    return edges;
  }

  /** A value each field takes: an option, a number in range, a date, a short text. */
  private static Map<String, Object> validSubmit(JsonNode root) {
    Map<String, Object> submit = new HashMap<>();
    for (JsonNode c : root.path("components")) {
      String key = c.path("key").asText();
      switch (c.path("type").asText()) {
        case "select", "radio" -> submit.put(key, c.has("values") ? c.path("values").get(0).path("value").asText()
            : "x");
        case "number" -> submit.put(key, c.path("validate").path("min").asInt(1));
        case "datetime" -> submit.put(key, "2027-03-31");
        case "textfield", "textarea" -> submit.put(key, "Text");
        default -> {
          // nothing needed
        }
      }
    }
    return submit;
  }
}
