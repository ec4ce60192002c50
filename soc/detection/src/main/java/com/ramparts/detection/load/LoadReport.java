package com.ramparts.detection.load;

import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.correlation.CorrelationRule;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import java.util.List;

/**
 * The outcome of a load: the rules that can run and a problem for everything left out.
 *
 * @param documents how many YAML documents were read
 */
public record LoadReport(RuleSet ruleSet, List<CorrelationRule> correlations, List<Problem> problems, int documents) {

    public LoadReport {
        correlations = List.copyOf(correlations);
        problems = List.copyOf(problems);
    }

    public List<Problem> problems(Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }

    public boolean isClean() {
        return problems.isEmpty();
    }
}
