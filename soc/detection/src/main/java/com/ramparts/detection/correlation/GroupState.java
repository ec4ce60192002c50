package com.ramparts.detection.correlation;

import java.util.List;

/**
 * What a group remembers: its newest event time ({@code clock}), when its window opened (for
 * conditions checked at window end), and the matching events still inside the timespan, oldest
 * first. Immutable and made of strings and numbers only, so any serializer can store it.
 */
public record GroupState(long clock, long windowStart, List<Entry> entries) {

    public GroupState {
        entries = List.copyOf(entries);
    }

    /**
     * One matching event.
     *
     * @param time    event time, epoch milliseconds
     * @param eventId the event's id
     * @param rule    index of the matching rule in the correlation's {@code rules}
     * @param value   the condition field's value (value_count), else null
     * @param number  the condition field's numeric value (value_sum, value_avg, ...), else NaN
     */
    public record Entry(long time, String eventId, int rule, String value, double number) {
    }
}
