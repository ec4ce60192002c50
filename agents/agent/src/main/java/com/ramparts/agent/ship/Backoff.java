package com.ramparts.agent.ship;

import java.time.Duration;

/**
 * Exponential pauses between retries, doubling from {@code first} up to {@code max}; reset on
 * success. A pause ends early when {@link #cancel()} is called, so shutdown never waits out a
 * 30-second backoff (and nobody has to interrupt a thread that may be doing file I/O: an
 * interrupt closes a {@code FileChannel}).
 */
public final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;
    private boolean cancelled;

    public Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = Math.max(firstMillis, max.toMillis());
        this.nextMillis = firstMillis;
    }

    /** Waits for the current pause (or until cancelled) and doubles the next one. */
    public synchronized void pause() throws InterruptedException {
        long pause = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        long deadline = System.nanoTime() + pause * 1_000_000;
        long left = pause;
        while (!cancelled && left > 0) {
            wait(left);
            left = (deadline - System.nanoTime()) / 1_000_000;
        }
    }

    /** The pause {@link #pause()} would take now. */
    public synchronized long currentMillis() {
        return nextMillis;
    }

    public synchronized void reset() {
        nextMillis = firstMillis;
    }

    /** Ends the current pause and makes every later one return at once. */
    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }
}
