package com.ramparts.detection.modifier;

import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/** A detection value after its modifiers: what a matcher is compiled from. */
public sealed interface Value {

    /** A string with wildcards; case-insensitive unless {@code cased}. */
    record StringPattern(SigmaString pattern, boolean cased) implements Value {
    }

    /** A number compared for equality (a numeric field numerically, a string field by its text). */
    record NumberValue(double value, String text) implements Value {
    }

    record BooleanValue(boolean value) implements Value {
    }

    /** The field is absent. */
    record NullValue() implements Value {
    }

    record Regex(Pattern pattern) implements Value {
    }

    /** An IPv4 or IPv6 network: {@code address} holds 4 or 16 bytes, {@code prefix} its length. */
    record Network(byte[] address, int prefix, String text) implements Value {
    }

    enum Comparison { LT, LTE, GT, GTE }

    record Compare(Comparison comparison, double value) implements Value {
        public boolean test(double actual) {
            return switch (comparison) {
                case LT -> actual < value;
                case LTE -> actual <= value;
                case GT -> actual > value;
                case GTE -> actual >= value;
            };
        }
    }

    record Exists(boolean exists) implements Value {
    }

    /** Another field of the same event (an ECS name once compiled). */
    record FieldRef(String field, boolean startsWith, boolean endsWith, boolean cased) implements Value {
        public FieldRef withField(String ecsField) {
            return new FieldRef(ecsField, startsWith, endsWith, cased);
        }
    }

    /** A part of a date field: its hour, day, ..., compared for equality. */
    record TimePart(ChronoField part, int value) implements Value {
    }
}
