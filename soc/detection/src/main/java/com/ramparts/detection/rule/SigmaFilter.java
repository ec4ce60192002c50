package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.Position;
import java.util.List;

/**
 * A Sigma filter: a detection that is AND-ed to the condition of the rules it names (or of every
 * rule whose log source it covers, for {@code rules: any}), the way pySigma applies it. So a filter
 * that excludes writes {@code condition: not selection}.
 *
 * @param rules rule ids or names; empty means any rule of the log source
 */
public record SigmaFilter(RuleInfo info, LogSource logSource, List<Reference> rules, Detection detection,
        Position position) implements SigmaDocument {

    public SigmaFilter {
        rules = List.copyOf(rules);
    }

    public boolean appliesToAny() {
        return rules.isEmpty();
    }
}
