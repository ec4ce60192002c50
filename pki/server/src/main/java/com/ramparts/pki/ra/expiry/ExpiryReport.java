package com.ramparts.pki.ra.expiry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The daily job: logs what expires within the configured days (operators alert on the log line). */
public class ExpiryReport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExpiryReport.class);

    private final Expiring expiring;
    private final int days;
    private final CronExpression cron;
    private final Clock clock;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ra-expiry").factory());

    public ExpiryReport(Expiring expiring, int days, String cron, Clock clock) {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalStateException("ramparts.pki.ra.expiry.cron: '" + cron + "' is not a cron expression (sec min hour day month weekday)");
        }
        this.expiring = expiring;
        this.days = days;
        this.cron = CronExpression.parse(cron);
        this.clock = clock;
        scheduleNext();
    }

    /** Runs the report now; returns what it listed. */
    public List<Expiring.Certificate> run() {
        List<Expiring.Certificate> soon = expiring.within(days, null, 10_000);
        log.info("{} certificate(s) expire within {} days", soon.size(), days);
        soon.forEach(c -> log.info("expires {}: {} {} ({}, unit {})", c.notAfter(), c.serialNumber(), c.subject(), c.profile(), c.unit()));
        return soon;
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = cron.next(now);
        long delay = next == null ? TimeUnit.DAYS.toMillis(1) : Duration.between(now, next).toMillis();
        executor.schedule(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.error("The expiry report failed", e);
            } finally {
                scheduleNext();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
