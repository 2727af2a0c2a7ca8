package se.tryggsamverkan.engine;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A process variable with its name and Java type in one place, so delegates, services and tests never cast
 * a raw {@code getVariable("x")}.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  private final boolean json;

  private ProcessVariable(String name, Class<T> type) {
    this(name, type, false);
  }

  private ProcessVariable(String name, Class<T> type, boolean json) {
    this.name = name;
    this.type = type;
    this.json = json;
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
    return new ProcessVariable<>(name, String.class, true);
  }

  public String name() {
    return name;
  }

  public Optional<T> optionalFrom(VariableScope scope) {
    return Optional.ofNullable(convert(scope.getVariable(name)));
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

  private Object typed(T value) {
    return json && value != null ? SpinValues.jsonValue((String) value).create() : value;
  }

  private T convert(Object raw) {
    if (raw == null) {
      return null;
    }
    if (type.isInstance(raw)) {
      return type.cast(raw);
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
