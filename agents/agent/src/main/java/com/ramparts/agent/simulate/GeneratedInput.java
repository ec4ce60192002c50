package com.ramparts.agent.simulate;

import com.ramparts.agent.input.Input;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.agent.parse.RawRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An input whose records a {@link LineGenerator} writes at a rate: {@code eventsPerSecond} times the
 * hour's {@link Rhythm}, nothing while {@code silent} says so. A live input (it cannot replay), like
 * syslog; the worker reserves its sequence numbers ahead.
 */
final class GeneratedInput implements Input {

    private static final int MAX_CATCH_UP = 5_000;

    private final String id;
    private final String source;
    private final LineGenerator generator;
    private final double eventsPerSecond;
    private final boolean flat;
    private final Scenario scenario;
    private final Predicate<Instant> silent;
    private final Clock clock;
    private volatile boolean open;
    private long lastNanos;
    private double owed;

    GeneratedInput(String id, String source, LineGenerator generator, double eventsPerSecond, boolean flat,
                   Scenario scenario, Predicate<Instant> silent, Clock clock) {
        this.id = id;
        this.source = source;
        this.generator = generator;
        this.eventsPerSecond = eventsPerSecond;
        this.flat = flat;
        this.scenario = scenario;
        this.silent = silent;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean replayable() {
        return false;
    }

    @Override
    public void start(String state) {
        lastNanos = System.nanoTime();
        owed = 1; // the first line at once: a daemon logs when it starts, a backup job runs at boot
        open = true;
    }

    @Override
    public List<InputRecord> poll(int maxRecords, Duration maxWait) throws InterruptedException {
        if (!open) {
            return List.of();
        }
        Instant now = clock.instant();
        scenario.advance(now);
        double rate = eventsPerSecond * Rhythm.factor(now, flat);
        long nanos = System.nanoTime();
        owed = Math.min(MAX_CATCH_UP, owed + rate * (nanos - lastNanos) / 1e9);
        lastNanos = nanos;
        int due = (int) Math.min(maxRecords, Math.floor(owed));
        if (due == 0) {
            long waitNanos = rate <= 0 ? maxWait.toNanos() : (long) ((1 - owed) / rate * 1e9);
            TimeUnit.NANOSECONDS.sleep(Math.max(1_000_000, Math.min(waitNanos, maxWait.toNanos())));
            return List.of();
        }
        owed -= due;
        if (silent.test(now)) {
            return List.of(); // the product is not logging: its lines are simply never written
        }
        List<InputRecord> records = new ArrayList<>(due);
        for (int i = 0; i < due; i++) {
            records.add(new InputRecord.Raw(RawRecord.of(generator.next(now), now, source)));
        }
        return records;
    }

    @Override
    public String state() {
        return null;
    }

    @Override
    public void close() {
        open = false;
    }
}
