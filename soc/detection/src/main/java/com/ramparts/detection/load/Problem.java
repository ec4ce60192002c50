package com.ramparts.detection.load;

import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.detection.yaml.Position;

/**
 * Why a rule (or a whole file) was left out.
 *
 * @param file     the file or source name
 * @param position line and column in it ({@link Position#UNKNOWN} when the YAML could not say)
 * @param rule     the rule's title or id when known, else empty
 * @param kind     wrong, valid-but-unsupported, or never ingested
 */
public record Problem(String file, Position position, String rule, Kind kind, String message) {

    /** {@code file:line:column: [rule] message}, the form editors and CI logs understand. */
    @Override
    public String toString() {
        return file + ":" + position + ": " + (rule.isEmpty() ? "" : "[" + rule + "] ") + message;
    }
}
