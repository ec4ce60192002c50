package com.ramparts.detection.rule;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A correlation condition: one or more bounds that must all hold (a range is {@code gt} plus
 * {@code lte}), the field(s) value metrics look at, and the percentile for {@code value_percentile}.
 */
public record CorrelationCondition(List<Bound> bounds, List<String> fields, OptionalInt percentile) {

    public CorrelationCondition {
        bounds = List.copyOf(bounds);
        fields = List.copyOf(fields);
    }

    public enum Op {
        GT, GTE, LT, LTE, EQ, NEQ;

        public String sigmaName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Op parse(String text) {
            for (Op op : values()) {
                if (op.sigmaName().equals(text)) {
                    return op;
                }
            }
            return null;
        }

        public boolean test(double actual, double bound) {
            return switch (this) {
                case GT -> actual > bound;
                case GTE -> actual >= bound;
                case LT -> actual < bound;
                case LTE -> actual <= bound;
                case EQ -> actual == bound;
                case NEQ -> actual != bound;
            };
        }
    }

    public record Bound(Op op, double value) {
        @Override
        public String toString() {
            return op.sigmaName() + " " + (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
        }
    }

    public boolean test(double actual) {
        for (Bound bound : bounds) {
            if (!bound.op().test(actual, bound.value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether only lower bounds are given, so that once the condition holds more events can only
     * keep it holding: then it is evaluated as each event arrives; otherwise at the end of a window.
     */
    public boolean onlyLowerBounds() {
        return bounds.stream().allMatch(b -> b.op() == Op.GT || b.op() == Op.GTE);
    }
}
