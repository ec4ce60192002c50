package com.ramparts.telemetry.event;

import java.util.List;
import java.util.Objects;

/**
 * The value of one ECS field: a string, a whole number, a floating-point number, a boolean or a list
 * of strings (ECS arrays such as {@code event.category} or {@code related.ip}). Sealed, so a matcher
 * can switch over it exhaustively. Rules on values (finite doubles, declared ECS types) are checked
 * where a value enters {@link Fields}, because only there is the field's name known.
 */
public sealed interface FieldValue {

    static FieldValue of(String value) {
        return new StringValue(value);
    }

    static FieldValue of(long value) {
        return new LongValue(value);
    }

    static FieldValue of(double value) {
        return new DoubleValue(value);
    }

    static FieldValue of(boolean value) {
        return value ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    static FieldValue of(List<String> values) {
        return new StringList(values);
    }

    /** What kind of value this is, for error messages: "a string", "a whole number", ... */
    String describeType();

    record StringValue(String value) implements FieldValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describeType() {
            return "a string";
        }
    }

    record LongValue(long value) implements FieldValue {
        @Override
        public String describeType() {
            return "a whole number";
        }
    }

    record DoubleValue(double value) implements FieldValue {
        @Override
        public String describeType() {
            return "a floating-point number";
        }
    }

    record BooleanValue(boolean value) implements FieldValue {
        static final BooleanValue TRUE = new BooleanValue(true);
        static final BooleanValue FALSE = new BooleanValue(false);

        @Override
        public String describeType() {
            return "a boolean";
        }
    }

    /** An ECS array of strings; immutable, no null elements. */
    record StringList(List<String> values) implements FieldValue {
        public StringList {
            values = List.copyOf(values);
        }

        @Override
        public String describeType() {
            return "a list of strings";
        }
    }
}
