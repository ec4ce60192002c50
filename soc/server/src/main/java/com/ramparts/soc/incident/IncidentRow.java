package com.ramparts.soc.incident;

import java.time.Instant;

/** An incident row as stored; {@code version} guards updates against concurrent changes. */
record IncidentRow(long id, String title, IncidentStatus status, int severity, String siteId, String unitId,
        String host, String exerciseId, String owner, int alertCount, int suppressedCount, Instant firstAlertAt,
        Instant lastAlertAt, Instant createdAt, Instant updatedAt, Instant acknowledgedAt, Instant closedAt, int version) {
}
