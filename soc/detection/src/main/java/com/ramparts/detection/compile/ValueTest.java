package com.ramparts.detection.compile;

import com.ramparts.detection.modifier.Networks;
import com.ramparts.detection.modifier.Value;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.FieldValue.BooleanValue;
import com.ramparts.telemetry.event.FieldValue.DoubleValue;
import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringList;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One compiled value, tested against one field value. A list (ECS array) matches when any of its
 * strings does. Numbers are compared as numbers; a string pattern sees a number as its decimal text.
 */
abstract sealed class ValueTest {

    final boolean test(FieldValue value) {
        return switch (value) {
            case StringValue s -> testString(s.value());
            case LongValue l -> testLong(l.value());
            case DoubleValue d -> testDouble(d.value());
            case BooleanValue b -> testBoolean(b.value());
            case StringList list -> {
                for (String element : list.values()) {
                    if (testString(element)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    abstract boolean testString(String value);

    boolean testLong(long value) {
        return testString(Long.toString(value));
    }

    boolean testDouble(double value) {
        return testString(Double.toString(value));
    }

    boolean testBoolean(boolean value) {
        return testString(value ? "true" : "false");
    }

    /**
     * What a value of {@code field} must have for this test to pass, for the index: a conjunction
     * of disjunctions of needs. Empty when nothing is known (the test could pass on any value).
     */
    List<List<Need>> needs(String field) {
        return List.of();
    }

    static final class PatternTest extends ValueTest {
        private final StringMatcher matcher;

        PatternTest(StringMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        boolean testString(String value) {
            return matcher.matches(value);
        }

        @Override
        List<List<Need>> needs(String field) {
            return matcher.needs(field);
        }
    }

    static final class NumberTest extends ValueTest {
        private final double number;
        private final String text;

        NumberTest(double number) {
            this.number = number;
            this.text = Numbers.canonical(number);
        }

        @Override
        boolean testString(String value) {
            return value.equals(text) || Numbers.parse(value) == number;
        }

        @Override
        boolean testLong(long value) {
            return value == number;
        }

        @Override
        boolean testDouble(double value) {
            return value == number;
        }

        @Override
        boolean testBoolean(boolean value) {
            return false;
        }

        @Override
        List<List<Need>> needs(String field) {
            return List.of(List.of(new Need.Equal(field, text)));
        }
    }

    static final class BooleanTest extends ValueTest {
        private final boolean expected;

        BooleanTest(boolean expected) {
            this.expected = expected;
        }

        @Override
        boolean testString(String value) {
            return value.equalsIgnoreCase(expected ? "true" : "false");
        }

        @Override
        boolean testBoolean(boolean value) {
            return value == expected;
        }

        @Override
        List<List<Need>> needs(String field) {
            return List.of(List.of(new Need.Equal(field, expected ? "true" : "false")));
        }
    }

    static final class CompareTest extends ValueTest {
        private final Value.Compare compare;

        CompareTest(Value.Compare compare) {
            this.compare = compare;
        }

        @Override
        boolean testString(String value) {
            double number = Numbers.parse(value);
            return !Double.isNaN(number) && compare.test(number);
        }

        @Override
        boolean testLong(long value) {
            return compare.test(value);
        }

        @Override
        boolean testDouble(double value) {
            return compare.test(value);
        }

        @Override
        boolean testBoolean(boolean value) {
            return false;
        }
    }

    static final class RegexTest extends ValueTest {
        private final Pattern pattern;
        private final List<List<String>> literals;

        RegexTest(Pattern pattern) {
            this.pattern = pattern;
            this.literals = RegexLiterals.required(pattern);
        }

        @Override
        boolean testString(String value) {
            return pattern.matcher(value).find();
        }

        /** The literals the expression requires, searched for case-insensitively (which only widens). */
        @Override
        List<List<Need>> needs(String field) {
            List<List<Need>> all = new ArrayList<>();
            for (List<String> anyOf : literals) {
                List<Need> needs = new ArrayList<>();
                for (String literal : anyOf) {
                    Need.Literal need = Need.Literal.of(field, literal, Need.Anchor.ANYWHERE, false);
                    if (need != null) {
                        needs.add(need);
                    }
                }
                if (needs.size() == anyOf.size()) {
                    all.add(needs);
                }
            }
            return all;
        }
    }

    static final class NetworkTest extends ValueTest {
        private final Value.Network network;

        NetworkTest(Value.Network network) {
            this.network = network;
        }

        @Override
        List<List<Need>> needs(String field) {
            return List.of(List.of(Need.Network.of(field, network)));
        }

        @Override
        boolean testString(String value) {
            return Networks.contains(network, Networks.address(value));
        }

        @Override
        boolean testLong(long value) {
            return false;
        }

        @Override
        boolean testDouble(double value) {
            return false;
        }

        @Override
        boolean testBoolean(boolean value) {
            return false;
        }
    }

    /** A part (hour, day, ...) of an ISO-8601 date in the configured time zone; numbers are epoch milliseconds. */
    static final class TimePartTest extends ValueTest {
        private final ChronoField part;
        private final int expected;
        private final ZoneId zone;

        TimePartTest(Value.TimePart timePart, ZoneId zone) {
            this.part = timePart.part();
            this.expected = timePart.value();
            this.zone = zone;
        }

        boolean testInstant(Instant instant) {
            return ZonedDateTime.ofInstant(instant, zone).get(part) == expected;
        }

        @Override
        boolean testString(String value) {
            if (value.length() < 10 || value.length() > 40) {
                return false;
            }
            try {
                return testInstant(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeException e) {
                return false;
            }
        }

        @Override
        boolean testLong(long value) {
            return testInstant(Instant.ofEpochMilli(value));
        }

        @Override
        boolean testDouble(double value) {
            return testLong((long) value);
        }

        @Override
        boolean testBoolean(boolean value) {
            return false;
        }
    }
}
