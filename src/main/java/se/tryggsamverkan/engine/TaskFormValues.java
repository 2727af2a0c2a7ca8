package se.tryggsamverkan.engine;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a task's form shows that the product's own tables already hold (the activity as it is planned, its status
 * today, the previous report): worked out when the form is opened, through whichever door (Tasklist, the REST API,
 * the Java API's form variables), instead of being written as process variables with full history when the task is
 * created and deleted again when it is completed. A value is always as the tables are now.
 */
public interface TaskFormValues {

  /** The user task whose form these values are for. */
  String taskDefinitionKey();

  /**
   * The values by form key. {@code variable} reads a variable the task sees (its instance's and its own); a value
   * the task already holds under the same name (an answer the form saved) is not replaced.
   */
  Map<String, FormValue> valuesFor(Function<String, Object> variable, String tenantId);

  /**
   * The names among those values that the form only shows (the user cannot change them). An older release stored
   * them on the task itself; a stored value would win over the one read now, so the upgrade removes them from the
   * tasks it moves (ADR 13).
   */
  Set<String> shownOnly();

  /** A value shown as text, or a list a select takes its options from (written as JSON). */
  record FormValue(String text, boolean json) {

    public static FormValue text(String text) {
      return new FormValue(text, false);
    }

    public static FormValue jsonList(String json) {
      return new FormValue(json, true);
    }
  }
}
