package com.ramparts.soc.correlation.alert;

import java.util.List;
import java.util.Map;

/**
 * One alert on {@code soc.alerts}, written as JSON with snake_case names ({@code rule_id}, ...).
 *
 * @param schema          the format's version, 1
 * @param id              deterministic: the same input replayed yields the same id
 * @param kind            {@code detection}, {@code correlation}, {@code absence} or {@code indicator} (an IOC hit)
 * @param correlationType the Sigma correlation type ({@code event_count}, ...), {@code absence}, or null for a detection
 * @param severity        1 (informational) to 5 (critical), from {@code level}
 * @param groupKey        group-by name to value; empty for a detection
 * @param siteId          the site it concerns, when known (null for a correlation across sites)
 * @param eventIds        contributing event ids, at most 100, oldest first
 * @param eventCount      how many events contributed in all
 * @param windowStart     event time of the first contributing event (absence: the last event seen)
 * @param windowEnd       event time of the last contributing event (absence: when the silence became an alert)
 * @param value           the measured value: count, distinct count, sum..., or seconds of silence
 * @param exerciseId      the drill exercise of the event that raised it, if any
 * @param createdAt       wall-clock time the correlator published it
 */
public record AlertMessage(int schema, String id, String kind, String ruleId, String ruleVersion, String title,
        String level, int severity, String correlationType, List<String> techniques, List<String> tags,
        Map<String, String> groupKey, String siteId, String unitId, List<String> eventIds, int eventCount,
        String windowStart, String windowEnd, double value, String exerciseId, String createdAt) {

    public static final int SCHEMA = 1;

    public AlertMessage {
        techniques = List.copyOf(techniques);
        tags = List.copyOf(tags);
        groupKey = Map.copyOf(groupKey);
        eventIds = List.copyOf(eventIds);
    }
}
