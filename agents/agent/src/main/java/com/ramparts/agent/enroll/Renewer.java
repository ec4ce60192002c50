package com.ramparts.agent.enroll;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the stored certificate at two thirds of its lifetime while the agent runs (its own thread;
 * shipping goes on). A failed renewal is retried after a tenth of the time left (between 10 s and
 * 1 h), so an agent whose pki was down for a while still renews before its certificate ends.
 * After each renewal the {@link CredentialsListener} is told, and the shipper reconnects with the
 * new certificate.
 */
public final class Renewer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Renewer.class);
    private static final Duration MIN_RETRY = Duration.ofSeconds(10);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    private final Enroller enroller;
    private final CredentialStore store;
    private final CredentialsListener listener;
    private final Clock clock;
    private final Object wake = new Object();
    private volatile boolean running = true;
    private volatile Instant nextAttempt;

    public Renewer(Enroller enroller, CredentialStore store, CredentialsListener listener, Clock clock) {
        this.enroller = enroller;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (running) {
            Optional<Credentials> current;
            try {
                current = store.read();
            } catch (IOException e) {
                log.error("event=renewal_unreadable error=\"{}\"", e.getMessage());
                await(clock.instant().plus(MAX_RETRY));
                continue;
            }
            if (current.isEmpty()) {
                log.error("event=renewal_no_credentials dir={} action=\"enrol with ramparts-agent enroll\"", store.dir());
                await(clock.instant().plus(MAX_RETRY));
                continue;
            }
            Instant due = current.get().renewAt();
            nextAttempt = due;
            if (clock.instant().isBefore(due)) {
                log.info("event=renewal_scheduled serial={} not_after={} renew_at={}",
                        current.get().certificate().getSerialNumber().toString(16), current.get().notAfter(), due);
                await(due);
                continue; // read again: an operator may have enrolled anew meanwhile
            }
            renew(current.get());
        }
    }

    private void renew(Credentials current) {
        try {
            Credentials renewed = enroller.renew(current);
            log.info("event=certificate_renewed old_serial={} serial={} not_after={}",
                    current.certificate().getSerialNumber().toString(16),
                    renewed.certificate().getSerialNumber().toString(16), renewed.notAfter());
            listener.renewed(renewed);
        } catch (EnrolmentException | RuntimeException e) {
            Duration left = Duration.between(clock.instant(), current.notAfter());
            Duration retry = clamp(left.dividedBy(10));
            nextAttempt = clock.instant().plus(retry);
            log.warn("event=renewal_failed error=\"{}\" not_after={} retry_in_s={}", e.getMessage(), current.notAfter(),
                    retry.toSeconds());
            await(nextAttempt);
        }
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    private void await(Instant until) {
        synchronized (wake) {
            while (running) {
                long millis = Duration.between(clock.instant(), until).toMillis();
                if (millis <= 0) {
                    return;
                }
                try {
                    wake.wait(Math.min(millis, 60_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /** When the next renewal (or retry) is planned; null before the first look at the certificate. */
    public Instant nextAttempt() {
        return nextAttempt;
    }

    public void stop() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
    }
}
