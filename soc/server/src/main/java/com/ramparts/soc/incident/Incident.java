package com.ramparts.soc.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident as analysts see it.
 *
 * @param alertCount      distinct alerts grouped into it
 * @param suppressedCount alerts of a rule already on the incident: repeats that raised nothing new
 * @param exerciseId      the drill exercise its alerts belong to; null for production
 * @param next            the statuses it may move to
 */
public record Incident(long id, String title, IncidentStatus status, int severity, String siteId, String unitId,
        String host, String exerciseId, String owner, int alertCount, int suppressedCount, Instant firstAlertAt,
        Instant lastAlertAt, Instant createdAt, Instant updatedAt, Instant acknowledgedAt, Instant closedAt, Sla sla,
        List<IncidentStatus> next) {
}
