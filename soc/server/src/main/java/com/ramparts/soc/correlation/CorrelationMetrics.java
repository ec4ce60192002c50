package com.ramparts.soc.correlation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters the topology's processors share (thread-safe: Micrometer counters are). */
public final class CorrelationMetrics {

    private final Counter events;
    private final Counter undecodable;
    private final Counter detectionAlerts;
    private final Counter correlationAlerts;
    private final Counter absenceAlerts;
    private final Counter indicatorAlerts;

    public CorrelationMetrics(MeterRegistry registry) {
        events = Counter.builder("ramparts.soc.correlation.events").tag("outcome", "processed")
                .description("telemetry events run through the rules").register(registry);
        undecodable = Counter.builder("ramparts.soc.correlation.events").tag("outcome", "undecodable")
                .description("records skipped because they are not events (the indexer dead-letters them)")
                .register(registry);
        detectionAlerts = alerts(registry, "detection");
        correlationAlerts = alerts(registry, "correlation");
        absenceAlerts = alerts(registry, "absence");
        indicatorAlerts = alerts(registry, "indicator");
    }

    private static Counter alerts(MeterRegistry registry, String kind) {
        return Counter.builder("ramparts.soc.correlation.alerts").tag("kind", kind)
                .description("alerts published on soc.alerts").register(registry);
    }

    public void processed() {
        events.increment();
    }

    public void undecodable() {
        undecodable.increment();
    }

    public double processedCount() {
        return events.count();
    }

    public double undecodableCount() {
        return undecodable.count();
    }

    public void alert(String kind) {
        switch (kind) {
            case "detection" -> detectionAlerts.increment();
            case "absence" -> absenceAlerts.increment();
            case "indicator" -> indicatorAlerts.increment();
            default -> correlationAlerts.increment();
        }
    }
}
