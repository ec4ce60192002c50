package com.ramparts.soc.incident;

import java.time.Instant;
import java.util.List;

/** One stored alert of an incident (the full alert JSON stays in the database). */
public record IncidentAlert(String id, String ruleId, String ruleVersion, String title, int severity,
        List<String> techniques, String siteId, String exerciseId, int eventCount, Instant windowStart,
        Instant windowEnd, Instant receivedAt) {
}
