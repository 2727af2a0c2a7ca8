package se.tryggsamverkan.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import se.tryggsamverkan.common.InvalidInputException;

/**
 * A process variable with its name and Java type in one place, so delegates, services and tests never cast
 * a raw {@code getVariable("x")}.
 */
public final class ProcessVariable<T> {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final String name;
  private final Class<T> type;
  private final Storage storage;

  /** How a value is kept in the engine. */
  private enum Storage { PLAIN, JSON, LONG_TEXT }

  private ProcessVariable(String name, Class<T> type) {
    this(name, type, Storage.PLAIN);
  }

  private ProcessVariable(String name, Class<T> type, Storage storage) {
    this.name = name;
    this.type = type;
    this.storage = storage;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public static ProcessVariable<Long> longValue(String name) {
    return new ProcessVariable<>(name, Long.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  /**
   * A Json variable (Camunda Forms submit lists as Json, and read lists for tables and selects only from Json),
   * read and written as its JSON text.
   */
  public static ProcessVariable<String> json(String name) {
    return new ProcessVariable<>(name, String.class, Storage.JSON);
  }

  /**
   * Text that may outgrow the engine's 4,000 characters for a string variable (a whole plan as the steering group
   * reads it): kept as a Json string, which the engine stores without that limit. Tasklist parses a Json variable
   * and shows the text as it is; forms show it in a disabled field, so that it is never submitted back as a string.
   */
  public static ProcessVariable<String> longText(String name) {
    return new ProcessVariable<>(name, String.class, Storage.LONG_TEXT);
  }

  public String name() {
    return name;
  }

  public Optional<T> optionalFrom(VariableScope scope) {
    Object raw;
    try {
      raw = scope.getVariable(name);
    } catch (ProcessEngineException unreadable) {
      // a Json variable whose text is no JSON (a client's submit): bad input, not a server error
      if (storage == Storage.PLAIN) {
        throw unreadable;
      }
      throw new InvalidInputException(Map.of(name, name + ": värdet kunde inte läsas (ingen giltig JSON)"));
    }
    return Optional.ofNullable(convert(raw));
  }

  /** The value as this variable's type, from what the engine's services return for it. */
  public T of(Object raw) {
    return convert(raw);
  }

  public T from(VariableScope scope) {
    return optionalFrom(scope).orElseThrow(() -> new IllegalStateException(
        "Process variable '" + name + "' is missing in " + scope.getVariableScopeKey()));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, typed(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, typed(value));
  }

  /** Sets the variable on a task from outside it (a service, not one of the task's listeners). */
  public void setOnTask(org.camunda.bpm.engine.TaskService tasks, String taskId, T value) {
    tasks.setVariableLocal(taskId, name, typed(value));
  }

  /**
   * The value as the engine keeps it for this variable: what a multi-instance collection hands out as its element
   * variable, so that the element is stored like the variable (a long text without the 4,000-character limit).
   */
  public Object asStored(T value) {
    return typed(value);
  }

  private Object typed(T value) {
    if (value == null || storage == Storage.PLAIN) {
      return value;
    }
    String text = (String) value;
    return SpinValues.jsonValue(storage == Storage.JSON ? text : JSON.valueToTree(text).toString()).create();
  }

  private T convert(Object raw) {
    if (raw == null) {
      return null;
    }
    if (type.isInstance(raw)) {
      return type.cast(raw);
    }
    if (storage == Storage.LONG_TEXT && raw instanceof SpinJsonNode text && text.isString()) {
      return type.cast(text.stringValue());
    }
    if (type == String.class) {
      // SpinJsonNode prints as its JSON text; anything else by its plain string form
      return type.cast(raw instanceof SpinJsonNode json ? json.toString() : raw.toString());
    }
    if (type == Integer.class && raw instanceof Number number) {
      return type.cast(number.intValue());
    }
    if (type == Long.class && raw instanceof Number number) {
      return type.cast(number.longValue());
    }
    if (type == Integer.class && raw instanceof String text) {
      return type.cast(Integer.valueOf(text.trim()));
    }
    if (type == Boolean.class && raw instanceof String text) {
      return type.cast(Boolean.valueOf(text.trim()));
    }
    throw new IllegalStateException("Process variable '" + name + "' is a " + raw.getClass().getName()
        + ", expected " + type.getSimpleName());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProcessVariable<?> other && other.name.equals(name) && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type);
  }

  @Override
  public String toString() {
    return name;
  }
}
