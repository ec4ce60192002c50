package com.ramparts.detection.compile;

import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.List;

/** The rules one event reaches through an index, each tested once; one per event and thread. */
final class Candidates {

    private final CompiledRule[] rules;
    private final long[] seen;
    private final TelemetryEvent event;
    private final List<CompiledRule> matched;
    private int tested;

    Candidates(CompiledRule[] rules, TelemetryEvent event, List<CompiledRule> matched) {
        this.rules = rules;
        this.seen = new long[(rules.length + 63) >>> 6];
        this.event = event;
        this.matched = matched;
    }

    void offer(int[] ids) {
        for (int id : ids) {
            offer(id);
        }
    }

    void offer(int id) {
        long bit = 1L << id;
        int word = id >>> 6;
        if ((seen[word] & bit) != 0) {
            return;
        }
        seen[word] |= bit;
        tested++;
        CompiledRule rule = rules[id];
        if (rule.matches(event)) {
            matched.add(rule);
        }
    }

    int tested() {
        return tested;
    }
}
