package com.ramparts.detection.yaml;

/** A place in a rule file: 1-based line and column; {@link #UNKNOWN} when there is none. */
public record Position(int line, int column) {

    public static final Position UNKNOWN = new Position(0, 0);

    public Position shiftColumns(int columns) {
        return this == UNKNOWN ? this : new Position(line, column + columns);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
