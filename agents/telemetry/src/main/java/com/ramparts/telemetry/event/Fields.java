package com.ramparts.telemetry.event;

import com.ramparts.telemetry.event.FieldValue.BooleanValue;
import com.ramparts.telemetry.event.FieldValue.DoubleValue;
import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringList;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The ECS fields of an event beyond its typed core, keyed by dotted name ({@code source.ip}). Looking a
 * field up is one hash-map lookup, so a rule matcher can resolve a dotted name per event cheaply.
 * Immutable; iteration is in name order, which groups every object's fields together.
 *
 * <p>Rules, enforced by {@link Builder}: names are lowercase dotted ECS names of at most
 * {@value #MAX_NAME_LENGTH} characters; {@code @timestamp}, {@code event.original} and
 * {@code ramparts.*} are reserved for the typed core; no name is both a value and an object
 * ({@code source} and {@code source.ip}); each name is set once; doubles are finite; fields declared in
 * {@link Ecs} have their declared type and hold no other fields.
 */
public final class Fields {

    public static final int MAX_NAME_LENGTH = 256;

    public static final Fields EMPTY = new Builder().build();

    private final Map<String, FieldValue> byName;
    private final List<String> names;

    private Fields(Map<String, FieldValue> byName) {
        this.byName = Map.copyOf(byName);
        String[] sorted = byName.keySet().toArray(new String[0]);
        Arrays.sort(sorted);
        this.names = List.of(sorted);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with these fields. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        for (String name : names) {
            builder.put(name, byName.get(name));
        }
        return builder;
    }

    /** The value of a field, or null when it is absent: the allocation-free lookup for hot paths. */
    public FieldValue get(String name) {
        return byName.get(name);
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The field's value if it is a single string. */
    public Optional<String> string(String name) {
        return byName.get(name) instanceof StringValue s ? Optional.of(s.value()) : Optional.empty();
    }

    /** The field's value if it is a whole number. */
    public OptionalLong longValue(String name) {
        return byName.get(name) instanceof LongValue l ? OptionalLong.of(l.value()) : OptionalLong.empty();
    }

    /** The field's value if it is a number, whole numbers widened. */
    public OptionalDouble doubleValue(String name) {
        return switch (byName.get(name)) {
            case DoubleValue d -> OptionalDouble.of(d.value());
            case LongValue l -> OptionalDouble.of(l.value());
            case null, default -> OptionalDouble.empty();
        };
    }

    /** The field's value if it is a boolean. */
    public Optional<Boolean> booleanValue(String name) {
        return byName.get(name) instanceof BooleanValue b ? Optional.of(b.value()) : Optional.empty();
    }

    /**
     * The field's strings: the list of an ECS array, a single string as a one-element list, otherwise
     * empty. ECS lets any keyword hold one value or many; this reads both alike.
     */
    public List<String> strings(String name) {
        return switch (byName.get(name)) {
            case StringList list -> list.values();
            case StringValue s -> List.of(s.value());
            case null, default -> List.of();
        };
    }

    public int size() {
        return byName.size();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** Every name, sorted. */
    public List<String> names() {
        return names;
    }

    /** Visits every field in name order. */
    public void forEach(BiConsumer<String, FieldValue> action) {
        for (String name : names) {
            action.accept(name, byName.get(name));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fields fields && byName.equals(fields.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        forEach((name, value) -> text.append(text.length() > 1 ? ", " : "").append(name).append('=').append(value));
        return text.append('}').toString();
    }

    /** Collects fields, checking each as it is put; not thread-safe. */
    public static final class Builder {

        private final Map<String, FieldValue> byName = new HashMap<>();
        private final Set<String> parents = new HashSet<>();

        private Builder() {
        }

        public Builder put(String name, String value) {
            return put(name, new StringValue(Objects.requireNonNull(value, name)));
        }

        public Builder put(String name, long value) {
            return put(name, new LongValue(value));
        }

        public Builder put(String name, double value) {
            return put(name, new DoubleValue(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, FieldValue.of(value));
        }

        public Builder put(String name, List<String> values) {
            return put(name, new StringList(Objects.requireNonNull(values, name)));
        }

        /**
         * Adds one field.
         *
         * @throws InvalidEventException if the name or the value breaks a rule of {@link Fields}
         */
        public Builder put(String name, FieldValue value) {
            Objects.requireNonNull(value, name);
            FieldNames.check(name);
            if (byName.containsKey(name)) {
                throw new InvalidEventException(name, Rule.DUPLICATE, "is given twice");
            }
            if (parents.contains(name)) {
                throw new InvalidEventException(name, Rule.CONFLICT,
                        "is already an object holding other fields, so it cannot also hold a value");
            }
            checkParentsCanHoldFields(name);
            if (value instanceof DoubleValue d && !Double.isFinite(d.value())) {
                throw new InvalidEventException(name, Rule.RANGE, "must be a finite number, was " + d.value());
            }
            Ecs.checkValue(name, value);
            for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
                parents.add(name.substring(0, dot));
            }
            byName.put(name, value);
            return this;
        }

        private void checkParentsCanHoldFields(String name) {
            for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
                String parent = name.substring(0, dot);
                if (byName.containsKey(parent)) {
                    throw new InvalidEventException(name, Rule.CONFLICT,
                            "cannot be set because " + parent + " already holds a value");
                }
                Ecs.Type declared = Ecs.typeOf(parent);
                if (declared != null) {
                    throw new InvalidEventException(name, Rule.CONFLICT, "cannot be set because " + parent
                            + " is declared as " + declared.description() + ", not an object");
                }
            }
        }

        public boolean contains(String name) {
            return byName.containsKey(name);
        }

        public int size() {
            return byName.size();
        }

        public Fields build() {
            return new Fields(byName);
        }
    }
}
