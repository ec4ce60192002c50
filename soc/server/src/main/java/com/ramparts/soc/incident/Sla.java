package com.ramparts.soc.incident;

import java.time.Instant;

/**
 * The acknowledgement clock of an incident.
 *
 * @param acknowledgeBy when it must have been acknowledged, from its creation and its severity
 * @param breached      acknowledged after that, or still not acknowledged and that time has passed
 */
public record Sla(Instant acknowledgeBy, boolean breached) {

    static Sla of(Instant acknowledgeBy, Instant acknowledgedAt, Instant now) {
        boolean breached = acknowledgedAt == null ? now.isAfter(acknowledgeBy) : acknowledgedAt.isAfter(acknowledgeBy);
        return new Sla(acknowledgeBy, breached);
    }
}
