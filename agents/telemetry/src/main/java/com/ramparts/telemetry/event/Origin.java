package com.ramparts.telemetry.event;

import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an event comes from: everything in the {@code ramparts.*} namespace. Site, unit and exercise
 * ids follow the same rule as the parts of an {@link EventId}: 1 to 64 characters of
 * {@code A-Z a-z 0-9 . _ -}.
 *
 * @param siteId     the site whose agent read the event; also the Kafka record key
 * @param unitId     the agency unit the site belongs to, when known
 * @param eventId    agent, input and sequence
 * @param exerciseId the cyber-drill exercise that injected the event; empty for real telemetry
 */
public record Origin(String siteId, Optional<String> unitId, EventId eventId, Optional<String> exerciseId) {

    public Origin {
        Identifier.require(Ecs.RAMPARTS_SITE_ID, siteId);
        Objects.requireNonNull(unitId, "unitId").ifPresent(id -> Identifier.require(Ecs.RAMPARTS_UNIT_ID, id));
        if (eventId == null) {
            throw new InvalidEventException(Ecs.RAMPARTS_EVENT_ID, Rule.REQUIRED, "is required");
        }
        Objects.requireNonNull(exerciseId, "exerciseId")
                .ifPresent(id -> Identifier.require(Ecs.RAMPARTS_EXERCISE_ID, id));
    }

    /** An origin without unit or exercise; add them with {@link #withUnit} and {@link #withExercise}. */
    public static Origin of(String siteId, EventId eventId) {
        return new Origin(siteId, Optional.empty(), eventId, Optional.empty());
    }

    public Origin withUnit(String unitId) {
        return new Origin(siteId, Optional.of(unitId), eventId, exerciseId);
    }

    public Origin withExercise(String exerciseId) {
        return new Origin(siteId, unitId, eventId, Optional.of(exerciseId));
    }

    public String agentId() {
        return eventId.agentId();
    }

    public String inputId() {
        return eventId.inputId();
    }

    public long sequence() {
        return eventId.sequence();
    }
}
