package com.ramparts.soc.posture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Checks every minute (or every interval, if shorter) whether the current snapshot bucket is written yet. */
class PostureSnapshotSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostureSnapshotSchedule.class);

    private final PostureSnapshots snapshots;
    private final Duration check;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    PostureSnapshotSchedule(PostureSnapshots snapshots, Duration interval, boolean enabled) {
        this.snapshots = snapshots;
        this.check = interval.compareTo(Duration.ofMinutes(1)) < 0 ? interval : Duration.ofMinutes(1);
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ramparts-posture-history").daemon().factory());
            executor.scheduleWithFixedDelay(this::takeQuietly, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void takeQuietly() {
        try {
            snapshots.takeIfDue();
        } catch (RuntimeException e) {
            log.warn("Posture snapshot failed; trying again in {}: {}", check, e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }
}
