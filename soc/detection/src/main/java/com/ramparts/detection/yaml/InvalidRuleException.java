package com.ramparts.detection.yaml;

/**
 * A rule (or mapping) cannot be used, and why. Checked, cheap (no stack trace): it is the normal
 * outcome for a bad rule, caught by the loader and turned into a problem report.
 */
public final class InvalidRuleException extends Exception {

    /** Why a rule is left out: it is wrong, it is valid Sigma the engine cannot run, or its events never arrive. */
    public enum Kind { INVALID, UNSUPPORTED, NOT_INGESTED }

    private final Position position;
    private final Kind kind;

    public InvalidRuleException(Position position, String message) {
        this(Kind.INVALID, position, message);
    }

    public InvalidRuleException(Kind kind, Position position, String message) {
        super(message, null, false, false);
        this.position = position;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public Position position() {
        return position;
    }
}
