package com.ramparts.detection.compile;

import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.FieldValue.BooleanValue;
import com.ramparts.telemetry.event.FieldValue.DoubleValue;
import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringList;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.List;

/** A compiled condition over one event. Implementations are immutable and thread-safe. */
public sealed interface EventTest {

    boolean test(TelemetryEvent event);

    record Constant(boolean value) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            return value;
        }
    }

    record And(EventTest[] operands) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            for (EventTest operand : operands) {
                if (!operand.test(event)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(EventTest[] operands) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            for (EventTest operand : operands) {
                if (operand.test(event)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(EventTest operand) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            return !operand.test(event);
        }
    }

    /** {@code field: values}: absent never matches; one value (or all, with {@code all}) must. */
    record FieldTest(String field, ValueTest[] values, boolean all) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            FieldValue value = event.field(field);
            if (value == null) {
                return false;
            }
            for (ValueTest test : values) {
                if (test.test(value) != all) {
                    return !all;
                }
            }
            return all;
        }
    }

    /** A time part of the event's own timestamp, without formatting and re-parsing it. */
    record TimestampTest(ValueTest.TimePartTest[] values, boolean all) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            for (ValueTest.TimePartTest test : values) {
                if (test.testInstant(event.timestamp()) != all) {
                    return !all;
                }
            }
            return all;
        }
    }

    /** {@code field: null}: the field is absent. */
    record IsNull(String field) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            return event.field(field) == null;
        }
    }

    record Exists(String field, boolean exists) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            return (event.field(field) != null) == exists;
        }
    }

    /** Keywords: looked for in the original line and the message. */
    record Keywords(String[] fields, ValueTest[] values, boolean all) implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            for (ValueTest test : values) {
                boolean found = false;
                for (String field : fields) {
                    FieldValue value = event.field(field);
                    if (value != null && test.test(value)) {
                        found = true;
                        break;
                    }
                }
                if (found != all) {
                    return !all;
                }
            }
            return all;
        }
    }

    /**
     * {@code field|fieldref: other}: the two fields of the event are equal (or one starts with,
     * ends with, contains the other with the matching modifiers).
     */
    record FieldRefTest(String field, String other, boolean startsWith, boolean endsWith, boolean cased)
            implements EventTest {
        @Override
        public boolean test(TelemetryEvent event) {
            FieldValue left = event.field(field);
            FieldValue right = event.field(other);
            if (left == null || right == null) {
                return false;
            }
            for (String a : texts(left)) {
                for (String b : texts(right)) {
                    if (compare(a, b)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean compare(String value, String reference) {
            boolean ignoreCase = !cased;
            if (startsWith && endsWith) {
                int last = value.length() - reference.length();
                for (int i = 0; i <= last; i++) {
                    if (value.regionMatches(ignoreCase, i, reference, 0, reference.length())) {
                        return true;
                    }
                }
                return false;
            }
            if (startsWith) {
                return value.regionMatches(ignoreCase, 0, reference, 0, reference.length());
            }
            if (endsWith) {
                int start = value.length() - reference.length();
                return start >= 0 && value.regionMatches(ignoreCase, start, reference, 0, reference.length());
            }
            return cased ? value.equals(reference) : value.equalsIgnoreCase(reference);
        }

        private static List<String> texts(FieldValue value) {
            return switch (value) {
                case StringValue s -> List.of(s.value());
                case LongValue l -> List.of(Long.toString(l.value()));
                case DoubleValue d -> List.of(Numbers.canonical(d.value()));
                case BooleanValue b -> List.of(Boolean.toString(b.value()));
                case StringList list -> list.values();
            };
        }
    }
}
