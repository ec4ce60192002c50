package com.ramparts.telemetry.event;

import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.util.Objects;

/**
 * Which names {@link Fields} accepts: lowercase dotted ECS names,
 * {@code [a-z][a-z0-9_]*(\.[a-z0-9_@]+)*}, at most {@link Fields#MAX_NAME_LENGTH} characters, and none
 * that the typed core of {@link TelemetryEvent} owns.
 */
final class FieldNames {

    private FieldNames() {
    }

    static void check(String name) {
        Objects.requireNonNull(name, "name");
        String reserved = reservedBecause(name);
        if (reserved != null) {
            throw new InvalidEventException(name, Rule.RESERVED, reserved);
        }
        if (name.length() > Fields.MAX_NAME_LENGTH) {
            throw new InvalidEventException(name, Rule.NAME,
                    "is " + name.length() + " characters long; at most " + Fields.MAX_NAME_LENGTH + " are allowed");
        }
        String problem = syntaxProblem(name);
        if (problem != null) {
            throw new InvalidEventException(name, Rule.NAME,
                    problem + "; field names are lowercase dotted ECS names like source.ip");
        }
    }

    /** Why the typed core owns this name, or null when it does not. */
    static String reservedBecause(String name) {
        if (is(name, Ecs.TIMESTAMP)) {
            return "is set as the event's timestamp, not as a field";
        }
        if (is(name, Ecs.EVENT_ORIGINAL)) {
            return "is set as the event's original, not as a field";
        }
        if (name.equals("event")) {
            return "must stay an object: it holds event.original";
        }
        if (is(name, Ecs.RAMPARTS)) {
            return "belongs to the ramparts namespace, which is set through the event's origin";
        }
        return null;
    }

    /** {@code name} is {@code owned} or lies below it. */
    private static boolean is(String name, String owned) {
        return name.startsWith(owned)
                && (name.length() == owned.length() || name.charAt(owned.length()) == '.');
    }

    private static String syntaxProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        int segmentStart = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (i == segmentStart) {
                    return "has an empty segment at index " + i;
                }
                segmentStart = i + 1;
            } else if (!(i == 0 ? c >= 'a' && c <= 'z' : isSegmentChar(c, segmentStart == 0))) {
                return "has character " + Identifier.describe(c) + " at index " + i;
            }
        }
        if (segmentStart == name.length()) {
            return "ends with '.'";
        }
        return null;
    }

    /** '@' may not appear in the first segment, which keeps "@timestamp"-like names out of the top level. */
    private static boolean isSegmentChar(char c, boolean firstSegment) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c == '@' && !firstSegment);
    }
}
