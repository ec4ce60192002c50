package com.ramparts.detection.correlation;

import com.ramparts.detection.rule.CorrelationType;
import com.ramparts.detection.rule.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What soc publishes on {@code soc.alerts}: a detection rule that matched one event, or a
 * correlation rule whose condition held over a window of events.
 *
 * @param version     the rule's {@code modified} (else {@code date})
 * @param techniques  ATT&CK technique ids from the rule's tags
 * @param correlation the correlation type; empty for a single-event detection
 * @param groupKey    group-by name to value; empty for a detection
 * @param eventIds    ids of the contributing events (at most {@link CorrelatorOptions#maxEventIdsPerAlert()})
 * @param eventCount  how many events contributed (may exceed {@code eventIds.size()})
 * @param value       the measured value: the count, distinct count, sum, average or percentile
 */
public record Alert(String ruleId, String title, String version, Level level, List<String> techniques,
        List<String> tags, Optional<CorrelationType> correlation, Map<String, String> groupKey, List<String> eventIds,
        int eventCount, Instant windowStart, Instant windowEnd, double value) {

    public Alert {
        techniques = List.copyOf(techniques);
        tags = List.copyOf(tags);
        groupKey = Map.copyOf(groupKey);
        eventIds = List.copyOf(eventIds);
    }
}
