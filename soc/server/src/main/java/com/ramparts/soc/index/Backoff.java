package com.ramparts.soc.index;

import java.time.Duration;

/** Exponential backoff: initial, doubled after each failure up to max, back to initial after a success. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The wait before the next attempt; each call doubles the one after it. */
    public Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    public void reset() {
        next = initial;
    }
}
