package com.ramparts.detection.rule;

import java.util.Locale;

/** Sigma's five severity levels, least to most severe. */
public enum Level {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named in a rule, or null when the text is not one of the five names. */
    public static Level parse(String text) {
        for (Level level : values()) {
            if (level.sigmaName().equals(text)) {
                return level;
            }
        }
        return null;
    }
}
