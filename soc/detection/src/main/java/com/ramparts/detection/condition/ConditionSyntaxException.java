package com.ramparts.detection.condition;

/** A condition that does not parse, with the offset of the offending token. */
public final class ConditionSyntaxException extends Exception {

    private final int offset;

    public ConditionSyntaxException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
