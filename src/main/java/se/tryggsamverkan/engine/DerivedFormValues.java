package se.tryggsamverkan.engine;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Adds the {@link TaskFormValues} to the answer of "the task's form variables", the one call Tasklist makes to fill
 * a Camunda Form (REST {@code GET /task/{id}/form-variables}, {@code FormService#getTaskFormVariables}). It runs
 * inside the engine's command, after the engine's own checks (the caller may read the task) and with the task
 * already loaded, so it costs the reads of the values themselves and nothing else.
 */
final class DerivedFormValues extends CommandInterceptor {

  private static final Field DESERIALIZE = deserializeFlag();

  private final Supplier<List<TaskFormValues>> providers;
  private volatile Map<String, TaskFormValues> byTaskKey;

  DerivedFormValues(Supplier<List<TaskFormValues>> providers) {
    this.providers = providers;
  }

  @Override
  public <T> T execute(Command<T> command) {
    T result = next.execute(command);
    if (command instanceof GetTaskFormVariablesCmd get && result instanceof VariableMap visible) {
      TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(get.resourceId);
      TaskFormValues values = task == null ? null : providers().get(task.getTaskDefinitionKey());
      if (values != null) {
        // read from the task, which sees every variable, whichever names the caller asked for
        add(visible, values.valuesFor(task::getVariable, task.getTenantId()), get.formVariableNames,
            deserialized(get));
      }
    }
    return result;
  }

  private static void add(VariableMap visible, Map<String, TaskFormValues.FormValue> derived,
      Collection<String> asked, boolean deserialized) {
    derived.forEach((name, value) -> {
      if ((asked != null && !asked.contains(name)) || visible.get(name) != null || value == null) {
        return;
      }
      if (!value.json()) {
        visible.putValueTyped(name, Variables.stringValue(value.text()));
      } else if (deserialized) {
        visible.putValueTyped(name, SpinValues.jsonValue(Spin.JSON(value.text())).create());
      } else {
        // Tasklist asks for serialised values and parses a Json variable itself
        visible.putValueTyped(name, SpinValues.jsonValue(value.text()).create());
      }
    });
  }

  private Map<String, TaskFormValues> providers() {
    Map<String, TaskFormValues> known = byTaskKey;
    if (known == null) {
      known = providers.get().stream().collect(Collectors.toMap(TaskFormValues::taskDefinitionKey, v -> v));
      byTaskKey = known;
    }
    return known;
  }

  /** Whether the caller asked for deserialised values (Java callers do, Tasklist does not). */
  private static boolean deserialized(AbstractGetFormVariablesCmd command) {
    try {
      return DESERIALIZE.getBoolean(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field deserializeFlag() {
    try {
      Field field = AbstractGetFormVariablesCmd.class.getDeclaredField("deserializeObjectValues");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("The engine's form-variables command has changed; see DerivedFormValues", e);
    }
  }
}
