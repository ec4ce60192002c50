package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.Position;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Sigma correlation rule as written.
 *
 * @param groupBy  field names (Sigma names, or aliases) the events must share
 * @param aliases  alias name to (rule reference to field name)
 * @param generate whether the referenced rules also alert on their own
 */
public record SigmaCorrelation(RuleInfo info, CorrelationType type, List<Reference> rules, List<String> groupBy,
        Duration timespan, Map<String, Map<String, String>> aliases, CorrelationCondition condition, boolean generate,
        Position position) implements SigmaDocument {

    public SigmaCorrelation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }
}
