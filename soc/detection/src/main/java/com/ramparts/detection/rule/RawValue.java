package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.Position;

/**
 * A value as written in a detection, before modifiers: its YAML type, its text and where it is.
 *
 * @param text the scalar's text ("22", "true", "" for null)
 */
public record RawValue(Type type, String text, Position position) {

    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public String describe() {
        return switch (type) {
            case STRING -> "the string '" + text + "'";
            case INTEGER, FLOAT -> "the number " + text;
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "null";
        };
    }
}
