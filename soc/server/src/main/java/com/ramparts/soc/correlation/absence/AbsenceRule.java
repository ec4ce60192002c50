package com.ramparts.soc.correlation.absence;

import com.ramparts.detection.rule.RuleInfo;

import java.time.Duration;
import java.util.List;

/**
 * "Expect something from every registered site at least once per {@code timespan}."
 *
 * @param info   id, title, level, tags and version, read as for Sigma rules
 * @param expect what is expected
 * @param source the file it came from
 */
public record AbsenceRule(RuleInfo info, Expectation expect, Duration timespan, String source) {

    /** What a site must keep sending. */
    public sealed interface Expectation permits ExpectedSources, Matches {
    }

    /** Each {@code event.dataset} the site registry lists as expected for the site, separately. */
    public record ExpectedSources() implements Expectation {
    }

    /** An event matching any of these detection rules (ids; names are resolved when loading). */
    public record Matches(List<String> ruleIds) implements Expectation {
        public Matches {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    public AbsenceRule withExpectation(Expectation expectation) {
        return new AbsenceRule(info, expectation, timespan, source);
    }
}
