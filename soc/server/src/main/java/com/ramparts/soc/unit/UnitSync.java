package com.ramparts.soc.unit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One sync: fetch pki's units and unit-signing certificates completely, compute each unit's district and
 * certificate state, and make {@code soc_unit} match in one transaction. A fetch that fails in any way (pki away,
 * token refused, an answer that does not check) changes nothing: soc keeps the units of the last good sync.
 * Running it again with nothing changed in pki writes nothing.
 */
public class UnitSync {

    private static final Logger log = LoggerFactory.getLogger(UnitSync.class);

    /** How the last attempt went, for the API and the dashboard. */
    public record Status(Instant lastAttempt, Instant lastSuccess, String lastError, UnitStore.Changes lastChanges) {
        static final Status NEVER = new Status(null, null, null, null);
    }

    private final Supplier<PkiClient> client;
    private final UnitStore store;
    private final UnitDirectory directory;
    private final Clock clock;
    private final Duration expiringWithin;
    private final int districtDepth;
    private final Counter succeeded;
    private final Counter failed;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.NEVER);

    public UnitSync(Supplier<PkiClient> client, UnitStore store, UnitDirectory directory, Clock clock, Duration expiringWithin,
                    int districtDepth, MeterRegistry meters) {
        this.client = client;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.expiringWithin = expiringWithin;
        this.districtDepth = districtDepth;
        this.succeeded = Counter.builder("ramparts_unit_sync_total").tag("result", "success").register(meters);
        this.failed = Counter.builder("ramparts_unit_sync_total").tag("result", "failure").register(meters);
    }

    /** Reads an API token from the first line of a file (so it is in no configuration and no command line). */
    public static String readToken(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            if (token.isEmpty()) {
                throw new IllegalStateException("ramparts.soc.units.pki-token-file " + file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("ramparts.soc.units.pki-token-file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Status status() {
        return status.get();
    }

    /** @return true if the copy now matches pki */
    public synchronized boolean run() {
        Instant now = clock.instant();
        Status before = status.get();
        try {
            PkiRegistry registry = client.get().fetch();
            UnitStore.Changes changes = store.replaceAll(units(registry, now));
            directory.refresh();
            status.set(new Status(now, now, null, changes));
            succeeded.increment();
            if (changes.inserted() + changes.updated() + changes.deleted() > 0) {
                log.info("Units synced from pki: {} new, {} changed, {} unchanged, {} removed",
                        changes.inserted(), changes.updated(), changes.unchanged(), changes.deleted());
            }
            return true;
        } catch (PkiFetchException | RuntimeException e) {
            status.set(new Status(now, before.lastSuccess(), e.getMessage(), before.lastChanges()));
            failed.increment();
            log.warn("Unit sync from pki failed; keeping the units of the last good sync ({}): {}",
                    before.lastSuccess() == null ? "none yet" : before.lastSuccess(), e.getMessage());
            return false;
        }
    }

    List<Unit> units(PkiRegistry registry, Instant now) {
        Map<String, String> districts = UnitTree.districts(registry.units(), districtDepth);
        Map<String, List<UnitCertificate.Issued>> seals = new HashMap<>();
        registry.certificates().forEach(seal -> seals.computeIfAbsent(seal.unitCode(), code -> new ArrayList<>()).add(seal.certificate()));
        return registry.units().stream().map(unit -> new Unit(unit.code(), unit.name(), null, unit.parentCode(),
                districts.get(unit.code()), null,
                UnitCertificate.choose(seals.getOrDefault(unit.code(), List.of()), now, expiringWithin), now)).toList();
    }
}
