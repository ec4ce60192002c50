package com.ramparts.soc.unit;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The synced units, from memory: a snapshot of {@code soc_unit} taken at start, after every sync of this instance
 * and on {@link #refresh()}. Certificate states are re-judged at every read, so a seal expires on time between syncs.
 */
public class UnitDirectory {

    private final UnitStore store;
    private final Clock clock;
    private final Duration expiringWithin;
    private volatile Map<String, Unit> snapshot = Map.of();

    public UnitDirectory(UnitStore store, Clock clock, Duration expiringWithin) {
        this.store = store;
        this.clock = clock;
        this.expiringWithin = expiringWithin;
    }

    public void refresh() {
        snapshot = store.all().stream().collect(Collectors.toUnmodifiableMap(Unit::unitId, Function.identity()));
    }

    public Optional<Unit> find(String unitId) {
        return Optional.ofNullable(unitId == null ? null : snapshot.get(unitId)).map(this::current);
    }

    public List<Unit> all() {
        return snapshot.values().stream().map(this::current).sorted(Comparator.comparing(Unit::unitId)).toList();
    }

    private Unit current(Unit unit) {
        UnitCertificate now = unit.certificate().at(clock.instant(), expiringWithin);
        return now.equals(unit.certificate()) ? unit : new Unit(unit.unitId(), unit.nameVi(), unit.nameEn(), unit.parentId(),
                unit.districtId(), unit.contactEmail(), now, unit.syncedAt());
    }
}
