package com.ramparts.agent.parse.suricata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.agent.parse.Fixtures;
import com.ramparts.agent.parse.ParseException;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EVE parser's rules beyond the fixture: Suricata's timestamps, wrong types, nesting bombs. */
class EveParserTest {

    private final EveParser parser = new EveParser();

    private TelemetryEvent one(String json) throws ParseException {
        List<TelemetryEvent> events = Fixtures.parse(parser, json);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    @Test
    void suricatasOwnTimestampFormatIsReadWithItsOffset() throws ParseException {
        TelemetryEvent event = one("{\"timestamp\":\"2026-11-22T03:04:05.123456+0700\",\"event_type\":\"flow\"}");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-21T20:04:05.123456Z"));
    }

    @Test
    void aWrongTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> one("{\"timestamp\":\"2026-11-22T03:04:05+0700\",\"event_type\":\"flow\",\"dest_port\":true}"))
                .isInstanceOf(ParseException.class).hasMessageContaining("dest_port: expected a whole number, found a boolean");
        assertThatThrownBy(() -> one("{\"timestamp\":\"2026-11-22T03:04:05+0700\",\"event_type\":\"flow\",\"src_port\":70000}"))
                .hasMessageContaining("70000 is not a port number");
        assertThatThrownBy(() -> one("{\"timestamp\":\"2026-11-22T03:04:05+0700\",\"event_type\":\"flow\",\"src_ip\":\"example.org\"}"))
                .hasMessageContaining("is not an IP address");
    }

    @Test
    void aNestingBombStopsAtTheDepthLimit() {
        String bomb = "{\"timestamp\":\"2026-11-22T03:04:05+0700\",\"event_type\":\"x\",\"y\":" + "[".repeat(50_000);
        assertThatThrownBy(() -> one(bomb)).hasMessageContaining("JSON beyond this parser's limits");
    }

    @Test
    void aHugeNumberIsRefusedNotOverflowed() {
        assertThatThrownBy(() -> one("{\"timestamp\":\"2026-11-22T03:04:05+0700\",\"event_type\":\"flow\",\"flow\":{\"bytes_toserver\":"
                + "9".repeat(30) + "}}")).hasMessageContaining("too large");
    }

    @Test
    void aRecordWithoutEventTypeOrTimestampIsNotEve() {
        assertThatThrownBy(() -> one("{\"timestamp\":\"2026-11-22T03:04:05+0700\"}")).hasMessageContaining("no event_type");
        assertThatThrownBy(() -> one("{\"event_type\":\"alert\"}")).hasMessageContaining("no timestamp");
    }

    @Test
    void aLoneSurrogateEscapeCannotPoisonTheWireFormat() throws ParseException {
        TelemetryEvent event = one("{\"timestamp\":\"2026-11-22T03:04:05+0700\",\"event_type\":\"http\",\"http\":{\"url\":\"/a\\ud800b\"}}");
        assertThat(Fixtures.value(event, "url.original")).isEqualTo("/a\uFFFDb");
    }
}
