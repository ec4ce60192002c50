package com.ramparts.detection.compile;

import com.ramparts.detection.rule.LogSource;
import com.ramparts.detection.rule.RuleInfo;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.Set;

/**
 * A detection rule ready to run.
 *
 * @param datasets    the {@code event.dataset} values it applies to
 * @param ordinal     its position in the rule set, which orders matches
 * @param source      the file it came from
 */
public record CompiledRule(RuleInfo info, LogSource logSource, Set<String> datasets, EventTest test,
        int ordinal, String source, Match match) {

    public CompiledRule {
        datasets = Set.copyOf(datasets);
    }

    public boolean matches(TelemetryEvent event) {
        return test.test(event);
    }

    public CompiledRule withAlerting(boolean alerting) {
        Match m = new Match(match.ruleId(), match.title(), match.version(), match.level(), match.tags(),
                match.techniques(), alerting);
        return new CompiledRule(info, logSource, datasets, test, ordinal, source, m);
    }

    public CompiledRule withOrdinal(int ordinal) {
        return new CompiledRule(info, logSource, datasets, test, ordinal, source, match);
    }
}
