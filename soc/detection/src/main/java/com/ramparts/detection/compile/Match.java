package com.ramparts.detection.compile;

import com.ramparts.detection.rule.Level;
import java.util.List;

/**
 * A detection rule that matched an event. One instance per rule, shared by all its matches.
 *
 * @param ruleId     the rule's id
 * @param version    its {@code modified} (else {@code date}) attribute
 * @param techniques ATT&CK technique ids from its tags, such as {@code T1110.001}
 * @param alerting   false when the rule only feeds correlations ({@code generate: false})
 */
public record Match(String ruleId, String title, String version, Level level, List<String> tags,
        List<String> techniques, boolean alerting) {

    public Match {
        tags = List.copyOf(tags);
        techniques = List.copyOf(techniques);
    }
}
