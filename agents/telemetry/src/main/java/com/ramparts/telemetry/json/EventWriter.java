package com.ramparts.telemetry.json;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.FieldValue.BooleanValue;
import com.ramparts.telemetry.event.FieldValue.DoubleValue;
import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringList;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import com.ramparts.telemetry.event.Fields;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes an event as nested ECS JSON: {@code @timestamp} first, then every field in name order with
 * {@code event.original} among them, then the {@code ramparts} object. The order is fixed, so the
 * same event always gives the same bytes.
 */
final class EventWriter {

    private static final SerializableString TIMESTAMP = new SerializedString(Ecs.TIMESTAMP);
    private static final SerializableString RAMPARTS = new SerializedString(Ecs.RAMPARTS);
    private static final SerializableString EVENT_ID = leafOf(Ecs.RAMPARTS_EVENT_ID);
    private static final SerializableString SITE_ID = leafOf(Ecs.RAMPARTS_SITE_ID);
    private static final SerializableString UNIT_ID = leafOf(Ecs.RAMPARTS_UNIT_ID);
    private static final SerializableString AGENT_ID = leafOf(Ecs.RAMPARTS_AGENT_ID);
    private static final SerializableString INPUT_ID = leafOf(Ecs.RAMPARTS_INPUT_ID);
    private static final SerializableString SEQUENCE = leafOf(Ecs.RAMPARTS_SEQUENCE);
    private static final SerializableString EXERCISE_ID = leafOf(Ecs.RAMPARTS_EXERCISE_ID);

    private EventWriter() {
    }

    static void write(TelemetryEvent event, JsonGenerator out) {
        out.writeStartObject();
        out.writeName(TIMESTAMP);
        out.writeString(event.timestamp().toString());
        writeFields(event.fields(), event.original().orElse(null), new Nesting(out));
        writeOrigin(event.origin(), out);
        out.writeEndObject();
    }

    private static void writeFields(Fields fields, String original, Nesting nesting) {
        for (String name : fields.names()) {
            // event.original goes where it sorts, so that it shares the "event" object with event.kind etc.
            if (original != null && name.compareTo(Ecs.EVENT_ORIGINAL) > 0) {
                nesting.string(Ecs.EVENT_ORIGINAL, original);
                original = null;
            }
            nesting.value(name, fields.get(name));
        }
        if (original != null) {
            nesting.string(Ecs.EVENT_ORIGINAL, original);
        }
        nesting.closeAll();
    }

    private static void writeOrigin(Origin origin, JsonGenerator out) {
        out.writeName(RAMPARTS);
        out.writeStartObject();
        writeString(out, EVENT_ID, origin.eventId().toString());
        writeString(out, SITE_ID, origin.siteId());
        origin.unitId().ifPresent(unit -> writeString(out, UNIT_ID, unit));
        writeString(out, AGENT_ID, origin.agentId());
        writeString(out, INPUT_ID, origin.inputId());
        out.writeName(SEQUENCE);
        out.writeNumber(origin.sequence());
        origin.exerciseId().ifPresent(exercise -> writeString(out, EXERCISE_ID, exercise));
        out.writeEndObject();
    }

    private static void writeString(JsonGenerator out, SerializableString name, String value) {
        out.writeName(name);
        out.writeString(value);
    }

    private static SerializableString leafOf(String dotted) {
        return new SerializedString(dotted.substring(dotted.lastIndexOf('.') + 1));
    }

    /**
     * Turns dotted names into nested objects. Names arrive sorted, and '.' sorts before every other
     * character a name may hold, so all fields under one object arrive together: an object, once
     * closed, is never needed again.
     */
    private static final class Nesting {

        private final JsonGenerator out;
        private final List<String> open = new ArrayList<>();

        Nesting(JsonGenerator out) {
            this.out = out;
        }

        void string(String name, String value) {
            moveTo(name);
            out.writeString(value);
        }

        void value(String name, FieldValue value) {
            moveTo(name);
            switch (value) {
                case StringValue s -> out.writeString(s.value());
                case LongValue l -> out.writeNumber(l.value());
                case DoubleValue d -> out.writeNumber(d.value());
                case BooleanValue b -> out.writeBoolean(b.value());
                case StringList list -> {
                    out.writeStartArray();
                    for (String element : list.values()) {
                        out.writeString(element);
                    }
                    out.writeEndArray();
                }
            }
        }

        /** Closes and opens objects so that the next value lands at {@code name}, and writes its last segment. */
        private void moveTo(String name) {
            int start = 0;
            int dot = name.indexOf('.');
            int level = 0;
            while (dot >= 0 && level < open.size() && isSegment(open.get(level), name, start, dot)) {
                level++;
                start = dot + 1;
                dot = name.indexOf('.', start);
            }
            closeTo(level);
            while (dot >= 0) {
                String segment = name.substring(start, dot);
                out.writeName(segment);
                out.writeStartObject();
                open.add(segment);
                start = dot + 1;
                dot = name.indexOf('.', start);
            }
            out.writeName(name.substring(start));
        }

        private static boolean isSegment(String segment, String name, int start, int end) {
            return segment.length() == end - start && name.startsWith(segment, start);
        }

        void closeAll() {
            closeTo(0);
        }

        private void closeTo(int level) {
            while (open.size() > level) {
                out.writeEndObject();
                open.removeLast();
            }
        }
    }
}
