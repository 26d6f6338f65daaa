package org.opensourceecology.incubator.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A process variable with a name and a type. Values are plain (strings, numbers, booleans, dates):
 * never entities or serialized Java objects. Reading converts what Tasklist's Camunda Forms submit
 * (whole numbers as Integer, dates as "yyyy-MM-dd" strings) to the declared type.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;
    private final Function<Object, T> reader;
    private final Function<T, Object> writer;

    private ProcessVariable(String name, Class<T> type, Function<Object, T> reader, Function<T, Object> writer) {
        this.name = name;
        this.type = type;
        this.reader = reader;
        this.writer = writer;
    }

    public static ProcessVariable<String> string(String name) {
        return new ProcessVariable<>(name, String.class, String::valueOf, v -> v);
    }

    public static ProcessVariable<Boolean> bool(String name) {
        return new ProcessVariable<>(
                name, Boolean.class, v -> v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v)), v -> v);
    }

    public static ProcessVariable<Long> longValue(String name) {
        return new ProcessVariable<>(
                name,
                Long.class,
                v -> v instanceof Number n
                        ? Long.valueOf(n.longValue())
                        : Long.valueOf(String.valueOf(v).trim()),
                v -> v);
    }

    public static ProcessVariable<Integer> integer(String name) {
        return new ProcessVariable<>(
                name,
                Integer.class,
                v -> v instanceof Number n
                        ? Integer.valueOf(n.intValue())
                        : Integer.valueOf(String.valueOf(v).trim()),
                v -> v);
    }

    public static ProcessVariable<Double> decimal(String name) {
        return new ProcessVariable<>(
                name,
                Double.class,
                v -> v instanceof Number n
                        ? Double.valueOf(n.doubleValue())
                        : Double.valueOf(String.valueOf(v).trim()),
                v -> v);
    }

    /** A point in time, stored as a date variable so that BPMN timers and due dates can use it. */
    public static ProcessVariable<Instant> instant(String name) {
        return new ProcessVariable<>(
                name,
                Instant.class,
                v -> v instanceof Date d ? d.toInstant() : Instant.parse(String.valueOf(v)),
                Date::from);
    }

    /** A calendar date; forms submit "yyyy-MM-dd" strings, and it is stored that way. */
    public static ProcessVariable<LocalDate> date(String name) {
        return new ProcessVariable<>(
                name,
                LocalDate.class,
                v -> v instanceof Date d
                        ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                        : LocalDate.parse(String.valueOf(v)),
                LocalDate::toString);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The value, which must be present. */
    public T get(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException("Process variable '" + name + "' is not set"));
    }

    public Optional<T> find(VariableScope scope) {
        return read(scope.getVariable(name));
    }

    /** The value held by this scope itself, not by a scope around it. */
    public Optional<T> findLocal(VariableScope scope) {
        return read(scope.getVariableLocal(name));
    }

    public T getOrDefault(VariableScope scope, T defaultValue) {
        return find(scope).orElse(defaultValue);
    }

    public Optional<T> from(Map<String, ?> variables) {
        return read(variables.get(name));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value == null ? null : writer.apply(value));
    }

    /**
     * Sets the variable to null where it holds a value, and writes nothing where it is null or absent:
     * Camunda stores every write as an update, null over null included (at history level FULL a new
     * detail row and the historic variable read and rewritten, four statements per variable).
     */
    public void clear(VariableScope scope) {
        if (scope.getVariable(name) != null) {
            scope.setVariable(name, null);
        }
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value == null ? null : writer.apply(value));
    }

    /** Adds the value to a variable map, for starting a process or completing a task. */
    public VariableMap putIn(VariableMap variables, T value) {
        variables.putValue(name, value == null ? null : writer.apply(value));
        return variables;
    }

    public VariableMap with(T value) {
        return putIn(Variables.createVariables(), value);
    }

    private Optional<T> read(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank() && type != String.class)) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.apply(raw));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Process variable '" + name + "' should be " + type.getSimpleName() + " but is '" + raw + "'", e);
        }
    }

    @Override
    public String toString() {
        return name + ":" + type.getSimpleName();
    }
}
