package com.ramparts.soc.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest meters: records consumed, dead letters by reason, events from unregistered sites,
 * batches committed and the consumer lag. Indexing itself is measured by the index package
 * ({@code ramparts.index.documents}, {@code ramparts.index.bulk.latency}).
 */
final class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter consumed;
    private final Counter unregisteredSite;
    private final Counter committed;
    private final AtomicLong lag = new AtomicLong();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.consumed = Counter.builder("ramparts.ingest.records.consumed").description("records read from telemetry.events")
                .register(registry);
        this.unregisteredSite = Counter.builder("ramparts.ingest.events.unregistered.site")
                .description("events indexed from sites the registry does not know").register(registry);
        this.committed = Counter.builder("ramparts.ingest.batches.committed")
                .description("batches whose offsets were committed after OpenSearch took them").register(registry);
        Gauge.builder("ramparts.ingest.consumer.lag", lag, AtomicLong::get)
                .description("records in telemetry.events not yet consumed by this instance's partitions").register(registry);
    }

    void consumed(int records) {
        consumed.increment(records);
    }

    void unregisteredSite() {
        unregisteredSite.increment();
    }

    void committed() {
        committed.increment();
    }

    void lag(long records) {
        lag.set(records);
    }

    void deadLettered(String reason) {
        deadLettered.computeIfAbsent(reason, r -> Counter.builder("ramparts.ingest.dead.lettered")
                .description("records sent to the dead-letter topic, by reason").tag("reason", r).register(registry))
                .increment();
    }

    double deadLetteredCount(String reason) {
        Counter counter = deadLettered.get(reason);
        return counter == null ? 0 : counter.count();
    }
}
