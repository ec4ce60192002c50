package com.ramparts.agent.pipeline;

import com.ramparts.agent.parse.RawRecord;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.InvalidEventException;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import com.ramparts.telemetry.json.TelemetryLimits;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns drafts into spoolable bytes: sets the origin, falls back to the record's receive time
 * when a parser set no timestamp, and makes sure every event it returns can be read back by SOC
 * under {@link TelemetryLimits}. A draft that cannot become such an event becomes a
 * {@code pipeline_error} event with the same sequence number instead, so nothing vanishes and
 * replays stay deterministic.
 */
public final class EventStamper {

    /** Originals kept in error events are cut here so that the event fits any document limit. */
    static final int ERROR_ORIGINAL_CHARS = 64 * 1024;
    private static final int MAX_REASON_CHARS = 1024;

    private final String agentId;
    private final String siteId;
    private final Optional<String> unitId;
    private final String inputId;
    private final String format;
    private final TelemetryJson json;
    private final TelemetryLimits limits;
    private final int maxBytes;

    public EventStamper(String agentId, String siteId, Optional<String> unitId, String inputId, String format,
                        TelemetryJson json, int maxPayloadBytes) {
        this.agentId = agentId;
        this.siteId = siteId;
        this.unitId = unitId;
        this.inputId = inputId;
        this.format = format;
        this.json = json;
        this.limits = json.limits();
        this.maxBytes = Math.min(limits.maxDocumentBytes(), maxPayloadBytes);
    }

    /**
     * The event bytes for a draft with this sequence number.
     *
     * @param raw the record it came from, or null (a draft made by the input itself)
     */
    public byte[] stamp(TelemetryEvent.Builder draft, long sequence, RawRecord raw) {
        Origin origin = origin(sequence);
        draft.origin(origin);
        if (raw != null && raw.truncated() && !draft.has("labels.truncated")) {
            draft.put("labels.truncated", "true");
        }
        TelemetryEvent event;
        try {
            event = build(draft, raw);
        } catch (InvalidEventException e) {
            return error(raw, ErrorType.EVENT, "the parser's event is invalid: " + e.getMessage(), sequence);
        }
        String problem = beyondLimits(event);
        if (problem != null) {
            return error(raw, ErrorType.EVENT, "the parser's event " + problem, sequence);
        }
        byte[] bytes = json.write(event);
        if (bytes.length > maxBytes) {
            return error(raw, ErrorType.EVENT, "the parser's event is " + bytes.length + " bytes as JSON; the limit is "
                    + maxBytes, sequence);
        }
        return bytes;
    }

    /** Why a record became a {@code pipeline_error} event; its {@code error.type}. */
    public enum ErrorType {
        /** the parser refused the record */
        PARSE,
        /** the parser threw something other than a ParseException: a bug, kept as evidence */
        PARSER_FAILURE,
        /** the parser's event breaks the model's rules or limits */
        EVENT,
        /** the input could not read the record (a command failed or timed out) */
        INPUT;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A {@code pipeline_error} event for a record that could not be parsed or read. */
    public byte[] error(RawRecord raw, ErrorType type, String reason, long sequence) {
        String cutReason = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason;
        TelemetryEvent.Builder draft = TelemetryEvent.builder()
                .origin(origin(sequence))
                .put(Ecs.EVENT_KIND, Ecs.Kind.PIPELINE_ERROR)
                .put("event.provider", format)
                .put("error.type", type.value())
                .put("error.message", cutReason);
        if (raw != null) {
            boolean cut = raw.text().length() > ERROR_ORIGINAL_CHARS;
            draft.timestamp(raw.receivedAt())
                    .original(cut ? raw.text().substring(0, ERROR_ORIGINAL_CHARS) : raw.text())
                    .put("labels.source", raw.source());
            if (cut || raw.truncated()) {
                draft.put("labels.truncated", "true");
            }
        } else {
            draft.timestamp(Instant.now());
        }
        return json.write(draft.build());
    }

    private TelemetryEvent build(TelemetryEvent.Builder draft, RawRecord raw) {
        try {
            return draft.build();
        } catch (InvalidEventException e) {
            if (raw != null && e.field().equals(Ecs.TIMESTAMP) && e.rule() == InvalidEventException.Rule.REQUIRED) {
                return draft.timestamp(raw.receivedAt()).build();
            }
            throw e;
        }
    }

    private Origin origin(long sequence) {
        Origin origin = Origin.of(siteId, new EventId(agentId, inputId, sequence));
        return unitId.map(origin::withUnit).orElse(origin);
    }

    /** What SOC's reader would refuse in this event (see {@link TelemetryLimits}), or null. */
    private String beyondLimits(TelemetryEvent event) {
        if (event.original().map(String::length).orElse(0) > limits.maxOriginalLength()) {
            return "has an event.original longer than " + limits.maxOriginalLength() + " characters";
        }
        if (event.fields().size() > limits.maxFields()) {
            return "has " + event.fields().size() + " fields; the limit is " + limits.maxFields();
        }
        String[] problem = {null};
        event.fields().forEach((name, value) -> {
            if (problem[0] == null) {
                problem[0] = beyondLimits(name, value);
            }
        });
        return problem[0];
    }

    private String beyondLimits(String name, FieldValue value) {
        int depth = 1; // as written: the root object, plus one object per dot
        for (int i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) {
            depth++;
        }
        if (value instanceof FieldValue.StringValue s && s.value().length() > limits.maxStringLength()) {
            return "has " + name + " longer than " + limits.maxStringLength() + " characters";
        }
        if (value instanceof FieldValue.StringList list) {
            depth++;
            if (list.values().size() > limits.maxArrayLength()) {
                return "has " + name + " with more than " + limits.maxArrayLength() + " elements";
            }
            for (String element : list.values()) {
                if (element.length() > limits.maxStringLength()) {
                    return "has an element of " + name + " longer than " + limits.maxStringLength() + " characters";
                }
            }
        }
        if (depth > limits.maxDepth()) {
            return "nests " + name + " deeper than " + limits.maxDepth() + " levels";
        }
        return null;
    }
}
