package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.Position;

/** A Sigma detection rule as written. */
public record SigmaRule(RuleInfo info, LogSource logSource, Position logSourcePosition, Detection detection,
        Position position) implements SigmaDocument {
}
