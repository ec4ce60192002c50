package com.ramparts.soc.correlation.rules;

import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.correlation.CorrelationRule;
import com.ramparts.detection.load.Problem;
import com.ramparts.soc.correlation.absence.AbsenceRule;

import java.time.Instant;
import java.util.List;

/**
 * One load of the rules directory: immutable, shared by every stream task until the next load.
 *
 * @param generation 1 for the first load, then one more per reload
 */
public record Rules(long generation, RuleSet ruleSet, List<CorrelationRule> correlations, List<AbsenceRule> absences,
        List<Problem> problems, Instant loadedAt) {

    public static final Rules NONE = new Rules(0, RuleSet.EMPTY, List.of(), List.of(), List.of(), Instant.EPOCH);

    public Rules {
        correlations = List.copyOf(correlations);
        absences = List.copyOf(absences);
        problems = List.copyOf(problems);
    }
}
