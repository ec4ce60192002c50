package com.ramparts.detection.cli;

import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.List;

/**
 * One case of a rule's test file.
 *
 * @param expected how many results the case must produce: matching events for a detection rule file,
 *                 alerts for a file with correlations; {@code -1} for "at least one" ({@code expect: match})
 */
public record TestCase(String name, int expected, List<TelemetryEvent> events) {

    public static final int AT_LEAST_ONE = -1;

    public TestCase {
        events = List.copyOf(events);
    }

    public boolean positive() {
        return expected != 0;
    }

    public boolean accepts(int actual) {
        return expected == AT_LEAST_ONE ? actual > 0 : actual == expected;
    }

    public String describeExpected() {
        return expected == AT_LEAST_ONE ? "match" : expected == 0 ? "no-match" : String.valueOf(expected);
    }
}
