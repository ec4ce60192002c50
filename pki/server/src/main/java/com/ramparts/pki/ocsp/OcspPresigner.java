package com.ramparts.pki.ocsp;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.revocation.RevocationChanged;
import com.ramparts.pki.x509.SerialNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a pre-signed OCSP response for every unexpired certificate of every CA: signs the ones
 * missing (new certificates), due ({@code refresh-before} their nextUpdate) or outdated (revoked,
 * held or released since), a batch per transaction, walking the inventory in serial order. Runs on
 * a schedule (the first run one interval after start) and right after a revocation commits. Until a certificate's response is
 * there, the responder signs its answers as they come.
 */
public class OcspPresigner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OcspPresigner.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OcspResponder responder;
    private final CertificateAuthorities cas;
    private final PkiProperties.OcspPresigned settings;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private ScheduledExecutorService scheduler;

    public OcspPresigner(JdbcTemplate jdbc, TransactionTemplate transactions, OcspResponder responder, CertificateAuthorities cas,
                         PkiProperties.OcspPresigned settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.responder = responder;
        this.cas = cas;
        this.settings = settings;
        this.clock = clock;
    }

    private record Due(BigInteger serial, String caName, CertificateInventory.Status status, boolean stored) {
    }

    /** Signs every response that is missing, due or outdated. @return how many were signed */
    public int refresh() {
        return refresh(Integer.MAX_VALUE);
    }

    /** Like {@link #refresh()}, stopping after the batch that reaches {@code limit} responses (for measurements). */
    public int refresh(int limit) {
        if (!refreshing.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int signed = refreshAll(limit);
            if (signed > 0) {
                log.info("{} OCSP response(s) pre-signed", signed);
            }
            return signed;
        } finally {
            refreshing.set(false);
        }
    }

    /**
     * One walk over the inventory in serial-number order (the primary key, so each batch continues
     * where the last stopped and the whole walk reads each row once), all CAs together: filtering by
     * CA would make the database read a CA's rows through another index and sort them for every batch.
     */
    private int refreshAll(int limit) {
        Set<String> names = new HashSet<>();
        cas.all().forEach(ca -> names.add(ca.name()));
        Instant now = clock.instant();
        OffsetDateTime dueBefore = now.plus(settings.refreshBefore()).atOffset(ZoneOffset.UTC);
        String after = "";
        int signed = 0;
        while (signed < limit) {
            List<Due> due = jdbc.query("SELECT c.serial_number, c.status, c.revoked_at, c.revocation_reason, r.serial_number, c.ca_name "
                            + "FROM certificate c LEFT JOIN ocsp_response r ON r.serial_number = c.serial_number "
                            + "WHERE c.serial_number > ? AND c.not_after > ? AND (r.serial_number IS NULL "
                            + "OR r.next_update < ? OR r.status <> c.status OR r.revoked_at IS DISTINCT FROM c.revoked_at) "
                            + "ORDER BY c.serial_number FETCH FIRST " + settings.batch() + " ROWS ONLY",
                    (rs, n) -> {
                        OffsetDateTime revokedAt = rs.getObject(3, OffsetDateTime.class);
                        return new Due(new BigInteger(rs.getString(1), 16), rs.getString(6), new CertificateInventory.Status(
                                CertificateStatus.valueOf(rs.getString(2)), revokedAt == null ? null : revokedAt.toInstant(),
                                rs.getObject(4, Integer.class)), rs.getString(5) != null);
                    }, after, now.atOffset(ZoneOffset.UTC), dueBefore);
            if (due.isEmpty()) {
                return signed;
            }
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            Instant thisUpdate = clock.instant();
            OffsetDateTime nextUpdate = com.ramparts.pki.x509.X509Times.truncate(thisUpdate).plus(settings.validity()).atOffset(ZoneOffset.UTC);
            for (Due d : due) {
                if (!names.contains(d.caName())) {
                    continue; // a CA no longer online: its certificates are answered as they come
                }
                byte[] der = responder.presign(d.caName(), d.serial(), d.status(), thisUpdate, settings.validity());
                OffsetDateTime revokedAt = d.status().revokedAt() == null ? null : d.status().revokedAt().atOffset(ZoneOffset.UTC);
                String serial = SerialNumbers.hex(d.serial());
                if (d.stored()) {
                    updates.add(new Object[]{d.status().status().name(), revokedAt, nextUpdate, der, serial});
                } else {
                    inserts.add(new Object[]{serial, d.caName(), d.status().status().name(), revokedAt, nextUpdate, der});
                }
            }
            transactions.executeWithoutResult(status -> {
                if (!updates.isEmpty()) {
                    jdbc.batchUpdate("UPDATE ocsp_response SET status = ?, revoked_at = ?, next_update = ?, der = ? WHERE serial_number = ?",
                            updates);
                }
                if (!inserts.isEmpty()) {
                    jdbc.batchUpdate("INSERT INTO ocsp_response (serial_number, ca_name, status, revoked_at, next_update, der) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", inserts);
                }
            });
            signed += updates.size() + inserts.size();
            after = SerialNumbers.hex(due.getLast().serial());
        }
        return signed;
    }

    /** Inside the revoking transaction: drop the certificate's response, and sign its new one once the revocation commits. */
    @EventListener
    public void revocationChanged(RevocationChanged event) {
        jdbc.update("DELETE FROM ocsp_response WHERE serial_number = ?", SerialNumbers.hex(event.serialNumber()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** Refresh soon rather than at the next scheduled run. */
    public void wake() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.execute(this::refreshQuietly);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.error("Pre-signing OCSP responses failed; the next run retries", e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ocsp-presign").factory());
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, settings.interval().toMillis(), settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown(); // no interrupt: an interrupted read closes an embedded H2 database's file
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
