package com.ramparts.pki.crl;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.PublicationPoints;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.RevokedEntry;
import com.ramparts.pki.revocation.RevocationChanged;
import com.ramparts.pki.x509.SerialNumbers;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The current full and delta CRL files of each CA. A full CRL is regenerated {@code regenerate-before}
 * its nextUpdate (by the schedule, or by the first request that finds it due) and, unless turned off,
 * after a revocation; a delta CRL after every revocation, after half its validity and whenever a new
 * full CRL becomes its base. Full and delta CRLs share the CA's CRL number sequence in the database,
 * so numbers only grow, across restarts and instances (RFC 5280 5.2.3, 5.2.4).
 */
public class CrlPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);
    /**
     * A delta lists changes from this long before its base's thisUpdate: a revocation committed while
     * the base was being read may be missed by its cursor, and listing one twice is harmless.
     */
    static final Duration DELTA_OVERLAP = Duration.ofMinutes(10);

    private final CertificateAuthorities cas;
    private final CertificateInventory inventory;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PublicationPoints points;
    private final Path directory;
    private final PkiProperties.Crl settings;
    private final Clock clock;
    private final Map<String, CrlWriter.Written> full = new ConcurrentHashMap<>();
    private final Map<String, Delta> delta = new ConcurrentHashMap<>();
    private final Set<String> fullChanged = ConcurrentHashMap.newKeySet();
    private final Set<String> deltaChanged = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public CrlPublisher(CertificateAuthorities cas, CertificateInventory inventory, JdbcTemplate jdbc, TransactionTemplate transactions,
                        PublicationPoints points, Path directory, PkiProperties.Crl settings, Clock clock) {
        if (settings.regenerateBefore().compareTo(settings.validity()) >= 0) {
            throw new IllegalStateException("ramparts.pki.crl.regenerate-before: must be shorter than ramparts.pki.crl.validity");
        }
        this.cas = cas;
        this.inventory = inventory;
        this.jdbc = jdbc;
        this.jdbc.setFetchSize(1000);
        this.transactions = transactions;
        this.points = points;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /** A CRL of this CA that is current, its file and what it holds. */
    public record Published(Path file, CrlWriter.Written crl) {
    }

    /** A delta CRL and the number of the full CRL it is relative to. */
    private record Delta(CrlWriter.Written written, long baseNumber) {
    }

    /** The full CRL, regenerated first if it is due. */
    public Published current(String caName) {
        CaSigner ca = cas.require(caName);
        synchronized (lock(caName)) {
            return new Published(file(caName), ensureFull(ca, clock.instant()));
        }
    }

    /** The delta CRL against the current full CRL, regenerated first if it is due. */
    public Published currentDelta(String caName) {
        if (!settings.delta().enabled()) {
            throw new PkiException(PkiError.CA_UNKNOWN, "ca", caName + "-delta");
        }
        CaSigner ca = cas.require(caName);
        synchronized (lock(caName)) {
            return new Published(deltaFile(caName), ensureDelta(ca, clock.instant()).written());
        }
    }

    /** What the schedule does: bring every CA's CRLs up to date. Problems are logged; the next run retries. */
    public void refresh() {
        for (CaSigner ca : cas.all()) {
            try {
                synchronized (lock(ca.name())) {
                    Instant now = clock.instant();
                    ensureFull(ca, now);
                    if (settings.delta().enabled()) {
                        ensureDelta(ca, now);
                    }
                }
            } catch (RuntimeException e) {
                log.error("Cannot refresh the CRLs of CA {}; the next run retries", ca.name(), e);
            }
        }
    }

    /** Inside the revoking transaction: the delta CRL will list it; both CRLs become due. */
    @EventListener
    public void revocationChanged(RevocationChanged event) {
        jdbc.update("INSERT INTO crl_change (ca_name, serial_number, changed_at) VALUES (?, ?, ?)", event.caName(),
                SerialNumbers.hex(event.serialNumber()), clock.instant().atOffset(ZoneOffset.UTC));
        if (settings.regenerateOnRevocation() || !settings.delta().enabled()) {
            fullChanged.add(event.caName());
        }
        deltaChanged.add(event.caName());
    }

    private CrlWriter.Written ensureFull(CaSigner ca, Instant now) {
        CrlWriter.Written written = full.get(ca.name());
        boolean due = written == null || !now.isBefore(written.nextUpdate().minus(settings.regenerateBefore()));
        if (fullChanged.remove(ca.name()) || due) {
            written = generateFull(ca, now);
            full.put(ca.name(), written);
        }
        return written;
    }

    private Delta ensureDelta(CaSigner ca, Instant now) {
        CrlWriter.Written base = ensureFull(ca, now);
        Delta current = delta.get(ca.name());
        boolean due = current == null || current.baseNumber() != base.crlNumber()
                || !now.isBefore(current.written().thisUpdate().plus(settings.delta().validity().dividedBy(2)));
        if (deltaChanged.remove(ca.name()) || due) {
            current = new Delta(generateDelta(ca, base, now), base.crlNumber());
            delta.put(ca.name(), current);
        }
        return current;
    }

    private CrlWriter.Written generateFull(CaSigner ca, Instant now) {
        List<Extension> extensions = points.deltaCrl(ca.name()).map(url -> List.of(freshest(url))).orElse(List.of());
        // one transaction: the CRL number is taken only if the CRL is written, and PostgreSQL streams the cursor
        CrlWriter.Written written = transactions.execute(status -> {
            long number = inventory.nextCrlNumber(ca.name());
            try {
                return CrlWriter.write(ca, number, now, now.plus(settings.validity()),
                        sink -> inventory.forEachRevoked(ca.name(), now, sink), file(ca.name()), extensions);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the CRL of " + ca.name() + " in " + directory, e);
            }
        });
        // changes older than any full CRL an instance may still serve are no delta's business
        jdbc.update("DELETE FROM crl_change WHERE ca_name = ? AND changed_at < ?", ca.name(),
                now.minus(settings.validity().multipliedBy(2)).minus(DELTA_OVERLAP).atOffset(ZoneOffset.UTC));
        log.info("CRL {} of CA {} written with {} entries", written.crlNumber(), ca.name(), written.entries());
        return written;
    }

    private CrlWriter.Written generateDelta(CaSigner ca, CrlWriter.Written base, Instant now) {
        List<Extension> extensions = List.of(deltaIndicator(base.crlNumber()));
        Instant since = base.thisUpdate().minus(DELTA_OVERLAP);
        CrlWriter.Written written = transactions.execute(status -> {
            long number = inventory.nextCrlNumber(ca.name());
            try {
                return CrlWriter.write(ca, number, now, now.plus(settings.delta().validity()),
                        sink -> changesSince(ca.name(), since, now, sink), deltaFile(ca.name()), extensions);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the delta CRL of " + ca.name() + " in " + directory, e);
            }
        });
        log.info("Delta CRL {} (base {}) of CA {} written with {} entries", written.crlNumber(), base.crlNumber(), ca.name(),
                written.entries());
        return written;
    }

    /**
     * Each certificate changed since {@code since}, once, as it stands now: revoked or held with its
     * time and reason, or, if released since, removeFromCRL (RFC 5280 5.3.1).
     */
    private void changesSince(String caName, Instant since, Instant now, java.util.function.Consumer<RevokedEntry> sink) {
        String[] previous = {null};
        jdbc.query("SELECT c.serial_number, c.status, c.revoked_at, c.revocation_reason, x.changed_at FROM crl_change x "
                + "JOIN certificate c ON c.serial_number = x.serial_number "
                + "WHERE x.ca_name = ? AND x.changed_at >= ? AND c.not_after > ? ORDER BY c.serial_number, x.changed_at DESC", rs -> {
            String serial = rs.getString(1);
            if (serial.equals(previous[0])) {
                return; // an older change of the same certificate
            }
            previous[0] = serial;
            BigInteger number = new BigInteger(serial, 16);
            if ("VALID".equals(rs.getString(2))) {
                sink.accept(new RevokedEntry(number, rs.getObject(5, OffsetDateTime.class).toInstant(), CRLReason.removeFromCRL));
            } else {
                sink.accept(new RevokedEntry(number, rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4)));
            }
        }, caName, since.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
    }

    private static Extension freshest(URI url) {
        try {
            return new Extension(Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[]{new DistributionPoint(
                    new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url.toString()))),
                    null, null)}).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Extension deltaIndicator(long baseNumber) {
        try {
            // RFC 5280 5.2.4: critical, the BaseCRLNumber of the full CRL this delta updates
            return new Extension(Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.valueOf(baseNumber)).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object lock(String caName) {
        return locks.computeIfAbsent(caName, n -> new Object());
    }

    private Path file(String caName) {
        return directory.resolve(caName + ".crl");
    }

    private Path deltaFile(String caName) {
        return directory.resolve(caName + "-delta.crl");
    }

    Optional<Long> currentNumber(String caName) {
        return Optional.ofNullable(full.get(caName)).map(CrlWriter.Written::crlNumber);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("crl-schedule").factory());
        scheduler.scheduleWithFixedDelay(this::refresh, settings.checkInterval().toMillis(), settings.checkInterval().toMillis(),
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
