package com.ramparts.detection.rule;

import java.util.Locale;

/** Sigma's rule statuses. */
public enum Status {
    STABLE, TEST, EXPERIMENTAL, DEPRECATED, UNSUPPORTED;

    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named in a rule, or null when the text is not a Sigma status. */
    public static Status parse(String text) {
        for (Status status : values()) {
            if (status.sigmaName().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
