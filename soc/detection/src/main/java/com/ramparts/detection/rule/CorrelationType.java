package com.ramparts.detection.rule;

import java.util.Locale;

/**
 * The correlation types: the four of the specification 2.0 and the value metrics
 * ({@code value_sum}, {@code value_avg}, {@code value_percentile}, {@code value_median}) that
 * specification 2.1 introduced and pySigma implements.
 */
public enum CorrelationType {
    EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED, VALUE_SUM, VALUE_AVG, VALUE_PERCENTILE, VALUE_MEDIAN;

    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CorrelationType parse(String text) {
        for (CorrelationType type : values()) {
            if (type.sigmaName().equals(text)) {
                return type;
            }
        }
        return null;
    }

    public boolean isTemporal() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    /** Types whose condition is about a field's values, so {@code condition.field} is required. */
    public boolean needsField() {
        return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE
                || this == VALUE_MEDIAN;
    }
}
