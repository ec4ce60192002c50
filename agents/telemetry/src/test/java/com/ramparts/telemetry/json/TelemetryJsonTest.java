package com.ramparts.telemetry.json;

import static com.ramparts.telemetry.json.Docs.eventWith;
import static com.ramparts.telemetry.json.Docs.fixture;
import static com.ramparts.telemetry.json.Docs.json;
import static com.ramparts.telemetry.json.Docs.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryJsonTest {

    private final TelemetryJson codec = new TelemetryJson();

    private static TelemetryEvent.Builder minimal() {
        return TelemetryEvent.builder()
                .timestamp(Instant.parse("2026-03-01T08:15:30.123Z"))
                .origin(Origin.of("ward-03", new EventId("agent-7", "eve", 42)));
    }

    @Test
    void writesNestedEcsWithTimestampFirstFieldsInNameOrderAndRampartsLast() {
        TelemetryEvent event = minimal()
                .origin(Origin.of("ward-03", new EventId("agent-7", "eve", 42)).withUnit("d1").withExercise("drill-1"))
                .original("line")
                .put(Ecs.SOURCE_PORT, 443)
                .put(Ecs.EVENT_KIND, Ecs.Kind.ALERT)
                .put(Ecs.SOURCE_IP, "10.0.0.1")
                .put(Ecs.EVENT_OUTCOME, "success")
                .put(Ecs.TLS_SERVER_X509_SUBJECT_COMMON_NAME, List.of("a.example"))
                .put(Ecs.DESTINATION_IP, "10.0.0.2")
                .put("event.risk_score", 12.5)
                .put("tls.established", true)
                .build();

        assertThat(text(codec.write(event))).isEqualTo(text(json("{'@timestamp':'2026-03-01T08:15:30.123Z',"
                + "'destination':{'ip':'10.0.0.2'},"
                + "'event':{'kind':'alert','original':'line','outcome':'success','risk_score':12.5},"
                + "'source':{'ip':'10.0.0.1','port':443},"
                + "'tls':{'established':true,'server':{'x509':{'subject':{'common_name':['a.example']}}}},"
                + "'ramparts':{'event_id':'agent-7:eve:42','site_id':'ward-03','unit_id':'d1','agent_id':'agent-7',"
                + "'input_id':'eve','sequence':42,'exercise_id':'drill-1'}}")));
    }

    @Test
    void originalGetsAnEventObjectOfItsOwnWhenNoOtherEventFieldIsSet() {
        assertThat(text(codec.write(minimal().original("x").put("zeek.uid", "C1").build())))
                .isEqualTo(text(json("{'@timestamp':'2026-03-01T08:15:30.123Z','event':{'original':'x'},"
                        + "'zeek':{'uid':'C1'},'ramparts':{'event_id':'agent-7:eve:42','site_id':'ward-03',"
                        + "'agent_id':'agent-7','input_id':'eve','sequence':42}}")));
    }

    @Test
    void roundTripPreservesEveryField() {
        TelemetryEvent event = minimal()
                .timestamp(Instant.parse("2026-03-01T08:15:30.123456789Z"))
                .origin(Origin.of("ward-03", new EventId("agent-7", "eve", Long.MAX_VALUE)).withUnit("d1").withExercise("x"))
                .original("Mar  2 09:12:44 fw kernel: \"quoted\" \\ \u0000\u001f tab\t nl\n Phường Bến Nghé 🛡")
                .put("labels.text", "")
                .put("labels.unicode", "Sở Thông tin và Truyền thông — 東京 — 😀")
                .put("labels.lone_surrogate", "a\ud800b")
                .put("labels.min", Long.MIN_VALUE)
                .put("labels.max", Long.MAX_VALUE)
                .put("labels.zero", 0)
                .put("labels.negative_zero", -0.0)
                .put("labels.tiny", Double.MIN_VALUE)
                .put("labels.huge", Double.MAX_VALUE)
                .put("labels.whole_double", 1.0)
                .put("labels.yes", true)
                .put("labels.no", false)
                .put("labels.empty_list", List.of())
                .put("related.ip", List.of("10.0.0.1", "fe80::1"))
                .put("x.y@z", "at sign in a later segment")
                .build();

        TelemetryEvent back = codec.read(codec.write(event));

        assertThat(back).isEqualTo(event);
        assertThat(back.fields().get("labels.whole_double")).isEqualTo(event.fields().get("labels.whole_double"));
        assertThat(back.fields().doubleValue("labels.negative_zero").getAsDouble()).isEqualTo(-0.0);
    }

    @Test
    void optionalOriginPartsAndOriginalAreOmittedWhenAbsent() {
        String written = text(codec.write(minimal().build()));
        assertThat(written).doesNotContain("unit_id", "exercise_id", "original", "\"event\"");
        assertThat(codec.read(written.getBytes())).isEqualTo(minimal().build());
    }

    @Test
    void writingIsDeterministic() {
        byte[] first = codec.write(codec.read(fixture("suricata-alert.json")));
        assertThat(codec.write(codec.read(first))).isEqualTo(first);
    }

    @Test
    void dottedAndNestedInputGiveTheSameEvent() {
        TelemetryEvent nested = codec.read(eventWith(
                "'source':{'ip':'10.0.0.1','port':443},'tls':{'server':{'x509':{'subject':{'common_name':['a']}}}},"
                        + "'event':{'original':'raw','kind':'alert'}"));
        TelemetryEvent dotted = codec.read(Docs.json("{'@timestamp':'2026-03-01T08:15:30.123Z',"
                + "'source.ip':'10.0.0.1','source.port':443,'tls.server.x509.subject.common_name':['a'],"
                + "'event.original':'raw','event.kind':'alert','ramparts.event_id':'agent-7:eve:42',"
                + "'ramparts.site_id':'ward-03','ramparts.agent_id':'agent-7','ramparts.input_id':'eve',"
                + "'ramparts.sequence':42}"));
        TelemetryEvent mixed = codec.read(eventWith(
                "'source.ip':'10.0.0.1','source':{'port':443},'tls.server':{'x509.subject':{'common_name':['a']}},"
                        + "'event':{'kind':'alert'},'event.original':'raw'"));

        assertThat(dotted).isEqualTo(nested);
        assertThat(mixed).isEqualTo(nested);
        assertThat(nested.fields().names()).containsExactly("event.kind", "source.ip", "source.port",
                "tls.server.x509.subject.common_name");
        assertThat(nested.original()).contains("raw");
    }

    @Test
    void readsTheSuricataAlertFixture() {
        TelemetryEvent alert = codec.read(fixture("suricata-alert.json"));

        assertThat(alert.id()).hasToString("agent-w03-01:suricata-eve:184467");
        assertThat(alert.timestamp()).isEqualTo(Instant.parse("2026-03-02T02:41:17.482913Z"));
        assertThat(alert.origin().siteId()).isEqualTo("ward-03");
        assertThat(alert.origin().unitId()).contains("district-1.ward-03");
        assertThat(alert.fields().string(Ecs.EVENT_KIND)).contains(Ecs.Kind.ALERT);
        assertThat(alert.fields().strings(Ecs.EVENT_CATEGORY)).containsExactly("network", "intrusion_detection");
        assertThat(alert.fields().string(Ecs.SOURCE_IP)).contains("10.20.3.57");
        assertThat(alert.fields().longValue(Ecs.DESTINATION_PORT)).hasValue(443);
        assertThat(alert.fields().string(Ecs.RULE_ID)).contains("2034553");
        assertThat(alert.fields().longValue("suricata.eve.flow_id")).hasValue(1459021738461210L);
        assertThat(alert.fields().strings(Ecs.TLS_SERVER_X509_SUBJECT_COMMON_NAME)).containsExactly("update-cdn.example");
        assertThat(alert.original()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("{\"timestamp\":\"2026-03-02T09:41:17.482913+0700\"")
                .contains("\"signature_id\":2034553"));
    }

    @Test
    void theDottedFixtureIsTheSameEventAsTheNestedOne() {
        assertThat(codec.read(fixture("suricata-alert-dotted.json"))).isEqualTo(codec.read(fixture("suricata-alert.json")));
    }

    @Test
    void readsTheDrillFirewallFixture() {
        TelemetryEvent drop = codec.read(fixture("iptables-drop.json"));

        assertThat(drop.origin().exerciseId()).contains("drill-2026-q1-rdp");
        assertThat(drop.origin().unitId()).isEmpty();
        assertThat(drop.fields().strings(Ecs.EVENT_TYPE)).containsExactly("connection", "denied");
        assertThat(drop.fields().longValue(Ecs.DESTINATION_PORT)).hasValue(3389);
        assertThat(drop.fields().strings("iptables.tcp.flags")).containsExactly("SYN");
        assertThat(codec.read(codec.write(drop))).isEqualTo(drop);
    }

    @Test
    void readsFromSlicesAndStreamsAndWritesToStreamsWithoutClosingThem() throws IOException {
        TelemetryEvent event = codec.read(fixture("suricata-alert.json"));
        byte[] bytes = codec.write(event);

        byte[] padded = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, padded, 5, bytes.length);
        assertThat(codec.read(padded, 5, bytes.length)).isEqualTo(event);

        ClosingWatch out = new ClosingWatch();
        codec.write(event, out);
        assertThat(out.toByteArray()).isEqualTo(bytes);
        assertThat(out.closed).isFalse();

        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        assertThat(codec.read(in)).isEqualTo(event);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void limitsAreValidatedAndDefaultsAreAsDocumented() {
        assertThat(TelemetryLimits.DEFAULTS).isEqualTo(new TelemetryLimits(1_048_576, 16, 1_000, 32_768, 262_144, 1_024));
        assertThat(codec.limits()).isEqualTo(TelemetryLimits.DEFAULTS);
        assertThatThrownBy(() -> TelemetryLimits.DEFAULTS.withMaxDepth(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> TelemetryLimits.DEFAULTS.withMaxDepth(65))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> TelemetryLimits.DEFAULTS.withMaxFields(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFields must be at least 1, was 0");
    }

    private static final class ClosingWatch extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
