package com.ramparts.detection.correlation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.rule.CorrelationType;
import com.ramparts.detection.rule.Level;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** event_count: N events of the referenced rules per group within the timespan (sliding, on event time). */
class EventCountCorrelationTest {

    static final String RULES = """
            title: SSH login failed
            id: ssh-fail
            name: ssh_failed
            logsource: {category: firewall}
            detection:
              sel: {dst_port: 22, action: deny}
              condition: sel
            ---
            title: SSH brute force
            id: ssh-brute-force
            status: test
            level: high
            modified: 2026-02-01
            tags: [attack.credential-access, attack.t1110.001]
            correlation:
              type: event_count
              rules: [ssh_failed]
              group-by: [src_ip]
              timespan: 5m
              condition:
                gte: 5
            """;

    private static TelemetryEvent deny(Stream stream, long seconds, String source) {
        return stream.at(ofSeconds(seconds), "iptables.log", "destination.port", 22, "event.action", "deny",
                "source.ip", source);
    }

    @Test
    void firesOnceWhenTheThresholdIsReachedInsideTheTimespan() {
        Stream stream = new Stream(RULES);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(deny(stream, i * 30L, "203.0.113.9").id().toString());
        }
        assertThat(stream.correlations()).singleElement().satisfies(alert -> {
            assertThat(alert.ruleId()).isEqualTo("ssh-brute-force");
            assertThat(alert.version()).isEqualTo("2026-02-01");
            assertThat(alert.level()).isEqualTo(Level.HIGH);
            assertThat(alert.techniques()).containsExactly("T1110.001");
            assertThat(alert.correlation()).contains(CorrelationType.EVENT_COUNT);
            assertThat(alert.groupKey()).isEqualTo(Map.of("src_ip", "203.0.113.9"));
            assertThat(alert.eventIds()).containsExactlyElementsOf(ids);
            assertThat(alert.eventCount()).isEqualTo(5);
            assertThat(alert.windowStart()).isEqualTo(com.ramparts.detection.Sigma.T0);
            assertThat(alert.windowEnd()).isEqualTo(com.ramparts.detection.Sigma.T0.plusSeconds(120));
            assertThat(alert.value()).isEqualTo(5);
        });
        // the referenced rule feeds the correlation only (generate defaults to false)
        assertThat(stream.detections()).isEmpty();
    }

    @Test
    void eventsSpreadWiderThanTheTimespanDoNotFire() {
        Stream stream = new Stream(RULES);
        for (int i = 0; i < 10; i++) {
            deny(stream, i * 90L, "203.0.113.9"); // 4 events per 5 minutes at most
        }
        assertThat(stream.correlations()).isEmpty();
    }

    @Test
    void groupsAreCountedSeparately() {
        Stream stream = new Stream(RULES);
        for (int i = 0; i < 4; i++) {
            deny(stream, i, "203.0.113.1");
            deny(stream, i, "203.0.113.2");
        }
        assertThat(stream.correlations()).isEmpty();
        deny(stream, 10, "203.0.113.2");
        assertThat(stream.correlations()).singleElement()
                .satisfies(a -> assertThat(a.groupKey()).containsEntry("src_ip", "203.0.113.2"));
    }

    @Test
    void aLongBurstYieldsOneAlertPerThresholdCrossingNotOnePerEvent() {
        Stream stream = new Stream(RULES);
        for (int i = 0; i < 12; i++) {
            deny(stream, i, "203.0.113.9");
        }
        assertThat(stream.correlations()).hasSize(2);
    }

    @Test
    void outOfOrderEventsInsideTheTimespanCountAndLateOnesAreDropped() {
        Stream stream = new Stream(RULES);
        deny(stream, 600, "198.51.100.7");
        deny(stream, 590, "198.51.100.7");
        deny(stream, 580, "198.51.100.7");
        deny(stream, 10, "198.51.100.7"); // 590 s older than the newest: late
        deny(stream, 570, "198.51.100.7");
        assertThat(stream.correlations()).isEmpty();
        assertThat(stream.detector.correlator().lateEvents()).isEqualTo(1);
        deny(stream, 599, "198.51.100.7");
        assertThat(stream.correlations()).hasSize(1);
    }

    @Test
    void eventsWithoutTheGroupByFieldAreNotCounted() {
        Stream stream = new Stream(RULES);
        for (int i = 0; i < 6; i++) {
            stream.at(ofSeconds(i), "iptables.log", "destination.port", 22, "event.action", "deny");
        }
        assertThat(stream.correlations()).isEmpty();
        assertThat(stream.detector.correlator().ungroupedEvents()).isEqualTo(6);
    }

    @Test
    void generateTrueKeepsTheReferencedRuleAlerting() {
        Stream stream = new Stream(RULES.replace("timespan: 5m", "timespan: 5m\n  generate: true"));
        deny(stream, 0, "203.0.113.9");
        assertThat(stream.detections()).extracting(Alert::ruleId).containsExactly("ssh-fail");
    }

    @Test
    void upperBoundsAreCheckedWhenTheWindowCloses() {
        Stream stream = new Stream(RULES.replace("gte: 5", "gte: 2\n    lte: 3"));
        deny(stream, 0, "192.0.2.1");
        deny(stream, 10, "192.0.2.1");
        deny(stream, 20, "192.0.2.2");
        deny(stream, 21, "192.0.2.2");
        deny(stream, 22, "192.0.2.2");
        deny(stream, 23, "192.0.2.2");
        assertThat(stream.correlations()).isEmpty(); // windows still open
        List<Alert> closed = stream.detector.advanceTo(com.ramparts.detection.Sigma.T0.plus(ofMinutes(6)));
        assertThat(closed).extracting(a -> a.groupKey().get("src_ip")).containsExactly("192.0.2.1");
    }
}
