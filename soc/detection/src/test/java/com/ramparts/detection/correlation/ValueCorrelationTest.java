package com.ramparts.detection.correlation;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.Sigma;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** value_count, and the metric types of Sigma 2.1: value_sum, value_avg, value_percentile, value_median. */
class ValueCorrelationTest {

    private static String rules(String type, String condition) {
        return """
                title: Connection
                id: conn
                name: conn
                logsource: {category: firewall}
                detection:
                  sel: {src_ip|exists: true}
                  condition: sel
                ---
                title: Metric
                id: metric
                correlation:
                  type: %s
                  rules: [conn]
                  group-by: [src_ip]
                  timespan: 10m
                  condition:
                %s
                """.formatted(type, Sigma.indent(Sigma.indent(condition)).stripTrailing());
    }

    private static void conn(Stream stream, long second, int port, long bytes) {
        stream.at(ofSeconds(second), "iptables.log", "source.ip", "10.0.0.66", "destination.port", port,
                "source.bytes", bytes);
    }

    @Test
    void valueCountCountsDistinctValuesForAPortScan() {
        Stream stream = new Stream(rules("value_count", "field: dst_port\ngte: 20"));
        for (int i = 0; i < 19; i++) {
            conn(stream, i, 1000 + i, 1);
            conn(stream, i, 1000 + i, 1); // repeats do not count
        }
        assertThat(stream.correlations()).isEmpty();
        conn(stream, 30, 2000, 1);
        assertThat(stream.correlations()).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo(20);
            assertThat(a.eventCount()).isEqualTo(39);
        });
    }

    @Test
    void valueSumAddsAFieldUp() {
        Stream stream = new Stream(rules("value_sum", "field: source.bytes\ngt: 1000000"));
        conn(stream, 0, 443, 600_000);
        assertThat(stream.correlations()).isEmpty();
        conn(stream, 60, 443, 500_000);
        assertThat(stream.correlations()).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo(1_100_000));
    }

    @Test
    void valueAvgIsCheckedAtWindowEnd() {
        Stream stream = new Stream(rules("value_avg", "field: source.bytes\ngt: 500"));
        conn(stream, 0, 443, 100);
        conn(stream, 10, 443, 1000);
        conn(stream, 20, 443, 1000);
        assertThat(stream.correlations()).isEmpty();
        var closed = stream.detector.advanceTo(Sigma.T0.plus(Duration.ofMinutes(11)));
        assertThat(closed).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo(700));
    }

    @Test
    void valueAvgBelowTheBoundDoesNotFire() {
        Stream stream = new Stream(rules("value_avg", "field: source.bytes\ngt: 500"));
        conn(stream, 0, 443, 100);
        conn(stream, 10, 443, 200);
        assertThat(stream.detector.advanceTo(Sigma.T0.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void valuePercentileAndMedian() {
        Stream p90 = new Stream(rules("value_percentile", "field: source.bytes\npercentile: 90\ngte: 900"));
        Stream median = new Stream(rules("value_median", "field: source.bytes\ngte: 500"));
        for (int i = 1; i <= 10; i++) {
            conn(p90, i, 443, i * 100L);
            conn(median, i, 443, i * 100L);
        }
        var end = Sigma.T0.plus(Duration.ofMinutes(20));
        assertThat(p90.detector.advanceTo(end)).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo(910));
        assertThat(median.detector.advanceTo(end)).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo(550));
    }

    @Test
    void aNewEventPastTheWindowClosesItAndLateEventsAreDropped() {
        Stream stream = new Stream(rules("value_avg", "field: source.bytes\ngt: 500"));
        conn(stream, 0, 443, 1000);
        conn(stream, 700, 443, 10); // past the 10-minute window: closes the first one
        assertThat(stream.correlations()).hasSize(1);
        conn(stream, 5, 443, 10); // far behind the watermark
        assertThat(stream.detector.correlator().lateEvents()).isEqualTo(1);
    }
}
