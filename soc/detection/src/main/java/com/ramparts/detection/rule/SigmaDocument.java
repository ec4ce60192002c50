package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.Position;

/** One YAML document of a rule file: a detection rule, a filter or a correlation rule. */
public sealed interface SigmaDocument permits SigmaRule, SigmaFilter, SigmaCorrelation {

    RuleInfo info();

    Position position();
}
