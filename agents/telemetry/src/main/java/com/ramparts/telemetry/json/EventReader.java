package com.ramparts.telemetry.json;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.MalformedEventException.Reason;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one event document, token by token, straight into a {@link TelemetryEvent.Builder}. Nested
 * objects and dotted keys both become dotted names ({@code {"source":{"ip":..}}} and
 * {@code {"source.ip":..}} are the same field). Single use.
 */
final class EventReader {

    private static final int MAX_TIMESTAMP_LENGTH = 64;
    private static final String RAMPARTS_PREFIX = Ecs.RAMPARTS + ".";

    private final JsonParser parser;
    private final TelemetryLimits limits;
    private final TelemetryEvent.Builder event = TelemetryEvent.builder();

    private Instant timestamp;
    private String original;
    private String eventId;
    private String siteId;
    private String unitId;
    private String agentId;
    private String inputId;
    private Long sequence;
    private String exerciseId;
    /** The field being read, for the errors raised here. */
    private String at;

    EventReader(JsonParser parser, TelemetryLimits limits) {
        this.parser = parser;
        this.limits = limits;
    }

    TelemetryEvent read() {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new MalformedEventException(Reason.NOT_AN_OBJECT, null, "the document is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new MalformedEventException(Reason.NOT_AN_OBJECT, null,
                    "the document must be a JSON object, was " + describe(first));
        }
        readObject(null, 1);
        at = null;
        if (parser.nextToken() != null) {
            throw new MalformedEventException(Reason.MALFORMED_JSON, null, "content follows the event object");
        }
        return assemble();
    }

    private void readObject(String prefix, int depth) {
        for (String key = parser.nextName(); key != null; key = parser.nextName()) {
            String name = prefix == null ? key : prefix + '.' + key;
            at = name;
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                enter(depth + 1);
                String expected = expectedScalar(name);
                if (expected != null) {
                    throw wrongType(name, expected, JsonToken.START_OBJECT);
                }
                readObject(name, depth + 1);
            } else if (token == JsonToken.START_ARRAY) {
                enter(depth + 1);
                readArray(name, depth + 1);
            } else {
                readScalar(name, token);
            }
        }
    }

    private void enter(int depth) {
        if (depth > limits.maxDepth()) {
            throw new MalformedEventException(Reason.TOO_DEEP, at,
                    "nesting exceeds " + limits.maxDepth() + " levels");
        }
    }

    private void readScalar(String name, JsonToken token) {
        switch (name) {
            case Ecs.TIMESTAMP -> timestamp = once(timestamp, name, readTimestamp(token));
            case Ecs.EVENT_ORIGINAL -> original = once(original, name, readString(token, limits.maxOriginalLength()));
            // ids are bounded by the document only: the model then says exactly what is wrong with one
            case Ecs.RAMPARTS_EVENT_ID -> eventId = once(eventId, name, readString(token, Integer.MAX_VALUE));
            case Ecs.RAMPARTS_SITE_ID -> siteId = once(siteId, name, readString(token, Integer.MAX_VALUE));
            case Ecs.RAMPARTS_UNIT_ID -> unitId = once(unitId, name, readString(token, Integer.MAX_VALUE));
            case Ecs.RAMPARTS_AGENT_ID -> agentId = once(agentId, name, readString(token, Integer.MAX_VALUE));
            case Ecs.RAMPARTS_INPUT_ID -> inputId = once(inputId, name, readString(token, Integer.MAX_VALUE));
            case Ecs.RAMPARTS_SEQUENCE -> sequence = once(sequence, name, readLong(token, "a whole number"));
            case Ecs.RAMPARTS_EXERCISE_ID -> exerciseId = once(exerciseId, name, readString(token, Integer.MAX_VALUE));
            default -> {
                if (name.startsWith(RAMPARTS_PREFIX)) {
                    throw new MalformedEventException(Reason.INVALID_FIELD, name, "is not a field of the ramparts"
                            + " namespace; it holds event_id, site_id, unit_id, agent_id, input_id, sequence"
                            + " and exercise_id");
                }
                countField();
                event.put(name, readValue(token));
            }
        }
    }

    private FieldValue readValue(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> FieldValue.of(readString(token, limits.maxStringLength()));
            case VALUE_NUMBER_INT -> FieldValue.of(readLong(token, "a whole number"));
            case VALUE_NUMBER_FLOAT -> FieldValue.of(readDouble());
            case VALUE_TRUE -> FieldValue.of(true);
            case VALUE_FALSE -> FieldValue.of(false);
            case VALUE_NULL -> throw new MalformedEventException(Reason.WRONG_TYPE, at,
                    "is null; leave a field out rather than setting it to null");
            default -> throw new MalformedEventException(Reason.MALFORMED_JSON, at, "unexpected " + describe(token));
        };
    }

    private void readArray(String name, int depth) {
        String expected = expectedScalar(name);
        if (expected != null && Ecs.typeOf(name) != Ecs.Type.KEYWORDS) {
            throw wrongType(name, expected, JsonToken.START_ARRAY);
        }
        countField();
        List<String> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                enter(depth + 1);
            }
            if (token != JsonToken.VALUE_STRING) {
                throw new MalformedEventException(Reason.WRONG_TYPE, name,
                        "arrays may hold only strings, found " + describe(token));
            }
            if (values.size() == limits.maxArrayLength()) {
                throw new MalformedEventException(Reason.ARRAY_TOO_LONG, name,
                        "has more than " + limits.maxArrayLength() + " elements");
            }
            values.add(readString(token, limits.maxStringLength()));
        }
        event.put(name, FieldValue.of(values));
    }

    private void countField() {
        if (event.fieldCount() >= limits.maxFields()) {
            throw new MalformedEventException(Reason.TOO_MANY_FIELDS, at,
                    "the event has more than " + limits.maxFields() + " fields");
        }
    }

    private String readString(JsonToken token, int maxLength) {
        if (token != JsonToken.VALUE_STRING) {
            throw wrongType(at, "a string", token);
        }
        int length = parser.getStringLength();
        if (length > maxLength) {
            throw new MalformedEventException(Reason.STRING_TOO_LONG, at,
                    "is " + length + " characters long; the limit is " + maxLength);
        }
        return parser.getString();
    }

    private long readLong(JsonToken token, String expected) {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(at, expected, token);
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new MalformedEventException(Reason.OUT_OF_RANGE, at,
                    "is beyond the range of a 64-bit whole number");
        }
        return parser.getLongValue();
    }

    private double readDouble() {
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw new MalformedEventException(Reason.OUT_OF_RANGE, at,
                    "is beyond the range of a 64-bit floating-point number");
        }
        return value;
    }

    private Instant readTimestamp(JsonToken token) {
        String expected = "an ISO-8601 timestamp string such as 2026-03-01T08:15:30.123Z";
        if (token != JsonToken.VALUE_STRING) {
            throw wrongType(Ecs.TIMESTAMP, expected, token);
        }
        if (parser.getStringLength() > MAX_TIMESTAMP_LENGTH) {
            throw new MalformedEventException(Reason.INVALID_TIMESTAMP, Ecs.TIMESTAMP,
                    "is " + parser.getStringLength() + " characters long; expected " + expected);
        }
        String text = parser.getString();
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeException e) {
            throw new MalformedEventException(Reason.INVALID_TIMESTAMP, Ecs.TIMESTAMP,
                    "'" + text + "' is not " + expected);
        }
        if (instant.isBefore(TelemetryEvent.EARLIEST) || instant.isAfter(TelemetryEvent.LATEST)) {
            throw new MalformedEventException(Reason.INVALID_TIMESTAMP, Ecs.TIMESTAMP,
                    "'" + text + "' is outside the years 0001 to 9999");
        }
        return instant;
    }

    private static <T> T once(T current, String name, T value) {
        if (current != null) {
            throw new MalformedEventException(Reason.DUPLICATE_KEY, name, "is given twice");
        }
        return value;
    }

    private TelemetryEvent assemble() {
        require(timestamp, Ecs.TIMESTAMP);
        require(siteId, Ecs.RAMPARTS_SITE_ID);
        require(agentId, Ecs.RAMPARTS_AGENT_ID);
        require(inputId, Ecs.RAMPARTS_INPUT_ID);
        require(sequence, Ecs.RAMPARTS_SEQUENCE);
        require(eventId, Ecs.RAMPARTS_EVENT_ID);
        EventId id = new EventId(agentId, inputId, sequence);
        if (!eventId.equals(id.toString())) {
            throw new MalformedEventException(Reason.INVALID_FIELD, Ecs.RAMPARTS_EVENT_ID, "'" + eventId
                    + "' does not match agent_id:input_id:sequence, which give '" + id + "'");
        }
        Origin origin = new Origin(siteId, Optional.ofNullable(unitId), id, Optional.ofNullable(exerciseId));
        return event.timestamp(timestamp).origin(origin).original(original).build();
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new MalformedEventException(Reason.MISSING_FIELD, name, "is required");
        }
    }

    /** What a scalar field must hold, or null when the name may also be an object or an array. */
    private static String expectedScalar(String name) {
        return switch (name) {
            case Ecs.TIMESTAMP -> "an ISO-8601 timestamp string";
            case Ecs.RAMPARTS_SEQUENCE -> "a whole number";
            case Ecs.EVENT_ORIGINAL, Ecs.RAMPARTS_EVENT_ID, Ecs.RAMPARTS_SITE_ID, Ecs.RAMPARTS_UNIT_ID,
                 Ecs.RAMPARTS_AGENT_ID, Ecs.RAMPARTS_INPUT_ID, Ecs.RAMPARTS_EXERCISE_ID -> "a string";
            default -> {
                Ecs.Type type = Ecs.typeOf(name);
                yield type == null ? null : type.description();
            }
        };
    }

    private static MalformedEventException wrongType(String name, String expected, JsonToken found) {
        return new MalformedEventException(Reason.WRONG_TYPE, name, "must be " + expected + ", was " + describe(found));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a floating-point number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case null -> "the end of the input";
            default -> token.toString();
        };
    }
}
