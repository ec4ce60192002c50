package com.ramparts.pki.crl;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.revocation.RevocationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current CRL file of each CA. A CRL is regenerated when asked for after a revocation changed
 * its CA, or once half of its validity has passed; otherwise the file on disk is served as is.
 */
public class CrlPublisher {

    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);

    private final CertificateAuthorities cas;
    private final CertificateInventory inventory;
    private final TransactionTemplate transactions;
    private final Path directory;
    private final Duration validity;
    private final Clock clock;
    private final Map<String, CrlWriter.Written> current = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public CrlPublisher(CertificateAuthorities cas, CertificateInventory inventory, TransactionTemplate transactions, Path directory,
                        Duration validity, Clock clock) {
        this.cas = cas;
        this.inventory = inventory;
        this.transactions = transactions;
        this.directory = directory;
        this.validity = validity;
        this.clock = clock;
    }

    /** A CRL of this CA that is current, its file and what it holds. */
    public record Published(Path file, CrlWriter.Written crl) {
    }

    public Published current(String caName) {
        CaSigner ca = cas.require(caName);
        synchronized (locks.computeIfAbsent(caName, n -> new Object())) {
            CrlWriter.Written written = current.get(caName);
            Instant now = clock.instant();
            boolean stale = written == null || now.isAfter(written.thisUpdate().plus(validity.dividedBy(2)));
            if (changed.remove(caName) || stale) {
                written = generate(ca, now);
                current.put(caName, written);
            }
            return new Published(file(caName), written);
        }
    }

    @EventListener
    public void revocationChanged(RevocationChanged event) {
        changed.add(event.caName());
    }

    private CrlWriter.Written generate(CaSigner ca, Instant now) {
        // one transaction: the CRL number is taken only if the CRL is written, and PostgreSQL streams the cursor
        CrlWriter.Written written = transactions.execute(status -> {
            long number = inventory.nextCrlNumber(ca.name());
            try {
                return CrlWriter.write(ca, number, now, now.plus(validity),
                        sink -> inventory.forEachRevoked(ca.name(), now, sink), file(ca.name()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the CRL of " + ca.name() + " in " + directory, e);
            }
        });
        log.info("CRL {} of CA {} written with {} entries", written.crlNumber(), ca.name(), written.entries());
        return written;
    }

    private Path file(String caName) {
        return directory.resolve(caName + ".crl");
    }
}
