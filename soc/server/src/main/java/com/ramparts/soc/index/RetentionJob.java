package com.ramparts.soc.index;

import com.ramparts.soc.config.SocProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes daily event indices once their day is more than the dataset's retention behind us
 * ({@code ramparts.soc.open-search.retention}): with 30 days, the index of 1 March goes on 1 April.
 * Runs every check interval while ingest is enabled; a failed run is logged and tried again at the next.
 */
@Component
public class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final EventIndices indices;
    private final SocProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    RetentionJob(EventIndices indices, SocProperties properties) {
        this.indices = indices;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Deletes what has expired by {@code today} (UTC); returns the deleted names. */
    public List<String> deleteExpired(LocalDate today) {
        SocProperties.Retention retention = properties.openSearch().retention();
        List<String> deleted = new ArrayList<>();
        for (IndexNames.DailyIndex index : indices.list()) {
            if (today.isAfter(index.lastDayKept(retention.daysFor(index.dataset())))) {
                indices.delete(index.name());
                deleted.add(index.name());
            }
        }
        if (!deleted.isEmpty()) {
            log.info("Retention deleted {} expired event indices: {}", deleted.size(), deleted);
        }
        return deleted;
    }

    private void runOnce() {
        try {
            deleteExpired(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            log.warn("Retention run failed; trying again in {}: {}", properties.openSearch().retention().checkInterval(),
                    e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ramparts-retention").factory());
            long every = properties.openSearch().retention().checkInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.ingest().enabled();
    }
}
