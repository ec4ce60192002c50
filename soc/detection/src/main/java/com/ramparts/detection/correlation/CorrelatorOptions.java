package com.ramparts.detection.correlation;

import java.time.Duration;

/**
 * @param allowedLateness     how far behind the newest event time an event may arrive and still be
 *                            counted in windows that close at window end
 * @param maxEntriesPerGroup  events kept per group; beyond it the oldest are dropped (and counted)
 * @param maxEventIdsPerAlert event ids carried by one alert
 */
public record CorrelatorOptions(Duration allowedLateness, int maxEntriesPerGroup, int maxEventIdsPerAlert) {

    public static final CorrelatorOptions DEFAULT = new CorrelatorOptions(Duration.ofMinutes(1), 10_000, 100);

    public CorrelatorOptions {
        if (allowedLateness.isNegative() || maxEntriesPerGroup < 1 || maxEventIdsPerAlert < 1) {
            throw new IllegalArgumentException("correlator options must be positive");
        }
    }
}
