package com.ramparts.soc.unit;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Loads the units soc already has at start, then runs the sync every {@code sync-interval} (the first at once) when
 * a pki URL is configured. Each soc instance syncs on its own; the sync is idempotent, so they agree.
 */
class UnitSyncSchedule implements SmartLifecycle {

    private final UnitSync sync;
    private final UnitDirectory directory;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    UnitSyncSchedule(UnitSync sync, UnitDirectory directory, Duration interval, boolean enabled) {
        this.sync = sync;
        this.directory = directory;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        directory.refresh();
        started = true;
        if (enabled && executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ramparts-unit-sync").daemon().factory());
            executor.scheduleWithFixedDelay(sync::run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        started = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return started;
    }

    private volatile boolean started;

    @Override
    public boolean isAutoStartup() {
        return true;
    }
}
