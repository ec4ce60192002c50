package com.ramparts.soc.index;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IndexNamesTest {

    private final IndexNames names = new IndexNames("ramparts-events-");

    private static TelemetryEvent event(String dataset, String at) {
        TelemetryEvent.Builder builder = TelemetryEvent.builder().timestamp(Instant.parse(at))
                .origin(Origin.of("ward-01", new EventId("a", "i", 1)));
        if (dataset != null) {
            builder.put(Ecs.EVENT_DATASET, dataset);
        }
        return builder.build();
    }

    @Test
    void anEventGoesToItsDatasetsIndexForItsUtcDay() {
        assertThat(names.indexFor(event("suricata.eve", "2026-03-01T23:59:59.999Z")))
                .isEqualTo("ramparts-events-suricata.eve-2026.03.01");
        assertThat(names.indexFor(event("Fortinet FortiGate/Traffic", "2026-03-02T00:00:00Z")))
                .isEqualTo("ramparts-events-fortinet_fortigate_traffic-2026.03.02");
        assertThat(names.indexFor(event(null, "1969-12-31T12:00:00Z")))
                .isEqualTo("ramparts-events-unknown-1969.12.31");
    }

    @Test
    void namesReadBackAsDatasetAndDay() {
        assertThat(names.parse("ramparts-events-restic-backup-2026.03.01")).hasValueSatisfying(index -> {
            assertThat(index.dataset()).isEqualTo("restic-backup");
            assertThat(index.day()).isEqualTo(LocalDate.of(2026, 3, 1));
        });
        assertThat(names.parse("ramparts-events-suricata.eve-2026.13.01")).isEmpty();
        assertThat(names.parse("other-suricata.eve-2026.03.01")).isEmpty();
        assertThat(names.parse("ramparts-events-2026.03.01")).isEmpty();
    }
}
