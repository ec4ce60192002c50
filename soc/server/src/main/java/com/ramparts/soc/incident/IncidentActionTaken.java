package com.ramparts.soc.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * Published (as a Spring application event, after the transaction that recorded it commits) when a
 * response action on an incident has completed: a certificate revoked, a unit notified, a site
 * isolated. Drills score the time to respond from it; nothing else may be inferred from its absence.
 *
 * @param incidentId the incident the action was taken from
 * @param exerciseId the drill exercise of the incident, null in production
 * @param action     a stable action code: {@code revoke_certificate}, {@code notify_unit}, {@code isolate_site}
 * @param target     what the action was taken on (a certificate serial, a unit id, a site id)
 * @param actor      the user who took it
 * @param at         when it completed
 */
public record IncidentActionTaken(long incidentId, String exerciseId, String action, String target, String actor,
                                  Instant at) {

    public static final String REVOKE_CERTIFICATE = "revoke_certificate";
    public static final String NOTIFY_UNIT = "notify_unit";
    public static final String ISOLATE_SITE = "isolate_site";

    public IncidentActionTaken {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
