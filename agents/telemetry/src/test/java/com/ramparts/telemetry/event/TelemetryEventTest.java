package com.ramparts.telemetry.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetryEventTest {

    private static final Instant AT = Instant.parse("2026-03-02T02:41:17.482913Z");
    private static final Origin ORIGIN = Origin.of("ward-03", new EventId("agent-w03-01", "suricata-eve", 184467))
            .withUnit("district-1.ward-03");

    @Test
    void builderJoinsTheTypedCoreAndTheFields() {
        TelemetryEvent event = TelemetryEvent.builder()
                .timestamp(AT)
                .origin(ORIGIN)
                .original("{\"event_type\":\"alert\"}")
                .put(Ecs.EVENT_KIND, Ecs.Kind.ALERT)
                .put(Ecs.EVENT_CATEGORY, List.of("network", "intrusion_detection"))
                .put(Ecs.SOURCE_PORT, 49812)
                .build();

        assertThat(event.id()).isEqualTo(new EventId("agent-w03-01", "suricata-eve", 184467));
        assertThat(event.timestamp()).isEqualTo(AT);
        assertThat(event.origin().siteId()).isEqualTo("ward-03");
        assertThat(event.origin().unitId()).contains("district-1.ward-03");
        assertThat(event.origin().exerciseId()).isEmpty();
        assertThat(event.original()).contains("{\"event_type\":\"alert\"}");
        assertThat(event.fields().string(Ecs.EVENT_KIND)).contains("alert");
        assertThat(event.fields().size()).isEqualTo(3);
    }

    @Test
    void timestampAndOriginAreRequired() {
        assertThatThrownBy(() -> TelemetryEvent.builder().origin(ORIGIN).build())
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("@timestamp");
                    assertThat(e.rule()).isEqualTo(Rule.REQUIRED);
                });
        assertThatThrownBy(() -> TelemetryEvent.builder().timestamp(AT).build())
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("ramparts"));
    }

    @Test
    void timestampsStayWithinFourDigitYears() {
        assertThat(TelemetryEvent.builder().origin(ORIGIN).timestamp(TelemetryEvent.LATEST).build().timestamp())
                .hasToString("9999-12-31T23:59:59.999999999Z");
        assertThatThrownBy(() -> TelemetryEvent.builder().origin(ORIGIN).timestamp(TelemetryEvent.LATEST.plusNanos(1)).build())
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.RANGE));
        assertThatThrownBy(() -> TelemetryEvent.builder().origin(ORIGIN).timestamp(Instant.MIN).build())
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.RANGE));
    }

    @Test
    void originIdsFollowTheIdRule() {
        EventId id = new EventId("a", "b", 1);
        assertThatThrownBy(() -> Origin.of("ward 03", id))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("ramparts.site_id"));
        assertThatThrownBy(() -> Origin.of("ward-03", id).withUnit(""))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("ramparts.unit_id"));
        assertThatThrownBy(() -> Origin.of("ward-03", id).withExercise("drill:1"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("ramparts.exercise_id"));
        assertThatThrownBy(() -> Origin.of("ward-03", null))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("ramparts.event_id"));
        assertThat(Origin.of("ward-03", id).withExercise("drill-1").exerciseId()).contains("drill-1");
    }

    @Test
    void fieldLooksUpTheCoreAndTheFieldsByDottedName() {
        TelemetryEvent event = TelemetryEvent.builder().timestamp(AT).origin(ORIGIN.withExercise("drill-7"))
                .original("raw").put(Ecs.SOURCE_IP, "10.20.3.57").build();

        assertThat(event.field("@timestamp")).isEqualTo(FieldValue.of("2026-03-02T02:41:17.482913Z"));
        assertThat(event.field("event.original")).isEqualTo(FieldValue.of("raw"));
        assertThat(event.field("ramparts.event_id")).isEqualTo(FieldValue.of("agent-w03-01:suricata-eve:184467"));
        assertThat(event.field("ramparts.site_id")).isEqualTo(FieldValue.of("ward-03"));
        assertThat(event.field("ramparts.unit_id")).isEqualTo(FieldValue.of("district-1.ward-03"));
        assertThat(event.field("ramparts.agent_id")).isEqualTo(FieldValue.of("agent-w03-01"));
        assertThat(event.field("ramparts.input_id")).isEqualTo(FieldValue.of("suricata-eve"));
        assertThat(event.field("ramparts.sequence")).isEqualTo(FieldValue.of(184467L));
        assertThat(event.field("ramparts.exercise_id")).isEqualTo(FieldValue.of("drill-7"));
        assertThat(event.field("source.ip")).isEqualTo(FieldValue.of("10.20.3.57"));
        assertThat(event.field("destination.ip")).isNull();
        assertThat(TelemetryEvent.builder().timestamp(AT).origin(Origin.of("s", event.id())).build()
                .field("event.original")).isNull();
    }

    @Test
    void toBuilderCopiesEverythingAndAllowsEnrichment() {
        TelemetryEvent event = TelemetryEvent.builder().timestamp(AT).origin(ORIGIN).original("raw")
                .put(Ecs.HOST_NAME, "ids-ward03").build();

        assertThat(event.toBuilder().build()).isEqualTo(event);
        TelemetryEvent enriched = event.toBuilder().put("source.geo.city_name", "Hanoi").build();
        assertThat(enriched.fields().names()).containsExactly("host.name", "source.geo.city_name");
        assertThat(enriched.original()).isEqualTo(Optional.of("raw"));
    }

    @Test
    void builderChecksEachFieldAsItIsPut() {
        TelemetryEvent.Builder builder = TelemetryEvent.builder();
        assertThatThrownBy(() -> builder.put("@timestamp", "now"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.RESERVED));
        builder.put("host.name", "x");
        assertThat(builder.has("host.name")).isTrue();
        assertThat(builder.fieldCount()).isEqualTo(1);
    }
}
