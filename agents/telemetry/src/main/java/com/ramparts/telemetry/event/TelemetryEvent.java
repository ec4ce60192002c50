package com.ramparts.telemetry.event;

import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One normalised security event, as shipped by the agent and indexed, matched and scored by soc.
 *
 * @param timestamp when it happened (ECS {@code @timestamp}), between {@link #EARLIEST} and {@link #LATEST}
 * @param origin    site, unit, agent, input, sequence and drill exercise: the {@code ramparts.*} namespace
 * @param original  the raw line or document it was normalised from (ECS {@code event.original})
 * @param fields    every other ECS field
 */
public record TelemetryEvent(Instant timestamp, Origin origin, Optional<String> original, Fields fields) {

    /** Timestamps are kept to four-digit years, which every ISO-8601 reader and OpenSearch accepts. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public TelemetryEvent {
        if (timestamp == null) {
            throw new InvalidEventException(Ecs.TIMESTAMP, Rule.REQUIRED, "is required");
        }
        if (timestamp.isBefore(EARLIEST) || timestamp.isAfter(LATEST)) {
            throw new InvalidEventException(Ecs.TIMESTAMP, Rule.RANGE,
                    "must be between " + EARLIEST + " and " + LATEST + ", was " + timestamp);
        }
        if (origin == null) {
            throw new InvalidEventException(Ecs.RAMPARTS, Rule.REQUIRED, "the origin is required");
        }
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(fields, "fields");
    }

    public static Builder builder() {
        return new Builder(Fields.builder());
    }

    /** A builder holding this event's core and fields, e.g. for enrichment. */
    public Builder toBuilder() {
        return new Builder(fields.toBuilder()).timestamp(timestamp).origin(origin).original(original.orElse(null));
    }

    /** The event's id: agent, input and sequence from its origin. */
    public EventId id() {
        return origin.eventId();
    }

    /**
     * Any field by its dotted name, the typed core included ({@code @timestamp} as its ISO-8601 string,
     * {@code event.original}, {@code ramparts.*}); null when absent. The one lookup a rule matcher needs.
     */
    public FieldValue field(String name) {
        return switch (name) {
            case Ecs.TIMESTAMP -> new StringValue(timestamp.toString());
            case Ecs.EVENT_ORIGINAL -> original.<FieldValue>map(StringValue::new).orElse(null);
            case Ecs.RAMPARTS_EVENT_ID -> new StringValue(id().toString());
            case Ecs.RAMPARTS_SITE_ID -> new StringValue(origin.siteId());
            case Ecs.RAMPARTS_UNIT_ID -> origin.unitId().<FieldValue>map(StringValue::new).orElse(null);
            case Ecs.RAMPARTS_AGENT_ID -> new StringValue(origin.agentId());
            case Ecs.RAMPARTS_INPUT_ID -> new StringValue(origin.inputId());
            case Ecs.RAMPARTS_SEQUENCE -> new LongValue(origin.sequence());
            case Ecs.RAMPARTS_EXERCISE_ID -> origin.exerciseId().<FieldValue>map(StringValue::new).orElse(null);
            default -> fields.get(name);
        };
    }

    /** Builds an event; every {@code put} is checked at once, the core when {@link #build()} is called. */
    public static final class Builder {

        private final Fields.Builder fields;
        private Instant timestamp;
        private Origin origin;
        private String original;

        private Builder(Fields.Builder fields) {
            this.fields = fields;
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder origin(Origin origin) {
            this.origin = origin;
            return this;
        }

        /** The raw input the event was normalised from; null for none. */
        public Builder original(String original) {
            this.original = original;
            return this;
        }

        public Builder put(String name, String value) {
            fields.put(name, value);
            return this;
        }

        public Builder put(String name, long value) {
            fields.put(name, value);
            return this;
        }

        public Builder put(String name, double value) {
            fields.put(name, value);
            return this;
        }

        public Builder put(String name, boolean value) {
            fields.put(name, value);
            return this;
        }

        public Builder put(String name, List<String> values) {
            fields.put(name, values);
            return this;
        }

        public Builder put(String name, FieldValue value) {
            fields.put(name, value);
            return this;
        }

        /** Whether a field (not the core) is already set. */
        public boolean has(String name) {
            return fields.contains(name);
        }

        /** How many fields (not counting the core) are set. */
        public int fieldCount() {
            return fields.size();
        }

        /** @throws InvalidEventException if the timestamp or the origin is missing or invalid */
        public TelemetryEvent build() {
            return new TelemetryEvent(timestamp, origin, Optional.ofNullable(original), fields.build());
        }
    }
}
