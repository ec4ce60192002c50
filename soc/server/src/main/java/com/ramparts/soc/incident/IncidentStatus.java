package com.ramparts.soc.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an incident is in its lifecycle. Allowed moves (anything else is refused, and changes nothing):
 * <pre>
 * new           -> acknowledged | false_positive
 * acknowledged  -> investigating | resolved | false_positive
 * investigating -> contained | resolved | false_positive
 * contained     -> resolved
 * resolved, false_positive: closed; later alerts of the same group open a new incident
 * </pre>
 */
public enum IncidentStatus {
    NEW, ACKNOWLEDGED, INVESTIGATING, CONTAINED, RESOLVED, FALSE_POSITIVE;

    public Set<IncidentStatus> next() {
        return switch (this) {
            case NEW -> Set.of(ACKNOWLEDGED, FALSE_POSITIVE);
            case ACKNOWLEDGED -> Set.of(INVESTIGATING, RESOLVED, FALSE_POSITIVE);
            case INVESTIGATING -> Set.of(CONTAINED, RESOLVED, FALSE_POSITIVE);
            case CONTAINED -> Set.of(RESOLVED);
            case RESOLVED, FALSE_POSITIVE -> Set.of();
        };
    }

    public boolean canMoveTo(IncidentStatus target) {
        return next().contains(target);
    }

    public boolean closed() {
        return this == RESOLVED || this == FALSE_POSITIVE;
    }

    /** The wire name: {@code false_positive}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncidentStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(status -> status.wire().equals(value)).findFirst();
    }
}
