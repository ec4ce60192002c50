package com.ramparts.soc.response;

import com.ramparts.soc.incident.IncidentActionTaken;

import java.util.Arrays;
import java.util.Optional;

/** The response actions an analyst can take from an incident, by their stable wire codes. */
public enum ResponseAction {
    REVOKE_CERTIFICATE(IncidentActionTaken.REVOKE_CERTIFICATE, true),
    NOTIFY_UNIT(IncidentActionTaken.NOTIFY_UNIT, true),
    ISOLATE_SITE(IncidentActionTaken.ISOLATE_SITE, true),
    /** Undoes an isolation; not a response drills score, so it publishes no {@link IncidentActionTaken}. */
    RELEASE_SITE("release_site", false);

    private final String wire;
    private final boolean scored;

    ResponseAction(String wire, boolean scored) {
        this.wire = wire;
        this.scored = scored;
    }

    public String wire() {
        return wire;
    }

    /** Whether a completed action is published as {@link IncidentActionTaken}. */
    public boolean scored() {
        return scored;
    }

    public static Optional<ResponseAction> fromWire(String value) {
        return Arrays.stream(values()).filter(action -> action.wire.equals(value)).findFirst();
    }
}
