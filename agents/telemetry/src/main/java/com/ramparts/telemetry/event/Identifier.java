package com.ramparts.telemetry.event;

import com.ramparts.telemetry.event.InvalidEventException.Rule;

/**
 * The one rule for the ids the agent is configured with (site, unit, agent, input, exercise): 1 to 64
 * characters of {@code A-Z a-z 0-9 . _ -}. Excluding ':' keeps {@link EventId}'s string form
 * unambiguous; staying ASCII keeps it a valid Kafka key and OpenSearch {@code _id}.
 */
final class Identifier {

    static final int MAX_LENGTH = 64;

    private Identifier() {
    }

    static String require(String field, String value) {
        if (value == null) {
            throw new InvalidEventException(field, Rule.REQUIRED, "is required");
        }
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH) {
            throw new InvalidEventException(field, Rule.VALUE,
                    "must be 1 to " + MAX_LENGTH + " characters long, was " + length);
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!isAllowed(c)) {
                throw new InvalidEventException(field, Rule.VALUE, "character " + describe(c) + " at index " + i
                        + " is not allowed; use only A-Z a-z 0-9 . _ -");
            }
        }
        return value;
    }

    static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    static String describe(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
