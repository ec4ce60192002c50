package com.ramparts.agent.health;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one input has done since the agent started. Thread-safe: the input, its worker, the spool
 * and the shipper each update their own counters.
 */
public final class InputCounters {

    private final String inputId;
    private final String type;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong parsed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong truncated = new AtomicLong();
    private final AtomicReference<Instant> lastRecordAt = new AtomicReference<>();

    public InputCounters(String inputId, String type) {
        this.inputId = inputId;
        this.type = type;
    }

    public String inputId() {
        return inputId;
    }

    public String type() {
        return type;
    }

    /** A record was read; {@code at} is when. */
    public void read(Instant at) {
        read.incrementAndGet();
        lastRecordAt.set(at);
    }

    public void parsed(long events) {
        parsed.addAndGet(events);
    }

    public void failed() {
        failed.incrementAndGet();
    }

    public void truncated() {
        truncated.incrementAndGet();
    }

    public void spooled(long events) {
        spooled.addAndGet(events);
    }

    public void shipped(long events) {
        shipped.addAndGet(events);
    }

    public void dropped(long records) {
        dropped.addAndGet(records);
    }

    public Snapshot snapshot() {
        return new Snapshot(inputId, type, read.get(), parsed.get(), failed.get(), spooled.get(), shipped.get(),
                dropped.get(), truncated.get(), lastRecordAt.get());
    }

    /**
     * @param read         records read from the source
     * @param parsed       events the parser made from them
     * @param failed       records that became {@code pipeline_error} events
     * @param spooled      events appended to the spool
     * @param shipped      events acknowledged by Kafka
     * @param dropped      records lost on purpose and counted: queue overflow, spool drop-oldest
     * @param truncated    records cut to the length limit
     * @param lastRecordAt when the last record was read; null if none yet
     */
    public record Snapshot(String inputId, String type, long read, long parsed, long failed, long spooled, long shipped,
                           long dropped, long truncated, Instant lastRecordAt) {
    }
}
