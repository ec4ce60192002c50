package com.ramparts.detection.correlation;

import com.ramparts.detection.rule.CorrelationCondition;
import com.ramparts.detection.rule.CorrelationType;
import com.ramparts.detection.rule.RuleInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A correlation rule linked to the rules it refers to, with every field name already in ECS.
 *
 * @param rules       ids of the referenced rules (detection or correlation), in the order written
 * @param groupBy     the group-by names as written (aliases or Sigma field names), for alerts
 * @param groupFields per referenced rule id, the ECS field for each group-by name, in order
 * @param valueFields per referenced rule id, the ECS field(s) the condition's {@code field} names
 * @param source      the file it came from
 */
public record CorrelationRule(RuleInfo info, CorrelationType type, List<String> rules, List<String> groupBy,
        Map<String, List<String>> groupFields, Map<String, List<String>> valueFields, Duration timespan,
        CorrelationCondition condition, boolean generate, boolean alerting, String source) {

    public CorrelationRule {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        groupFields = Map.copyOf(groupFields);
        valueFields = Map.copyOf(valueFields);
    }

    /** Whether the condition is checked as events arrive (only lower bounds) or when a window closes. */
    public boolean evaluatedOnArrival() {
        return condition.onlyLowerBounds() && switch (type) {
            case EVENT_COUNT, VALUE_COUNT, VALUE_SUM, TEMPORAL, TEMPORAL_ORDERED -> true;
            default -> false;
        };
    }

    public CorrelationRule withAlerting(boolean alerting) {
        return new CorrelationRule(info, type, rules, groupBy, groupFields, valueFields, timespan, condition, generate,
                alerting, source);
    }
}
