package com.ramparts.agent.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ramparts.agent.testing.KafkaEvents;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.testsupport.TestKafka;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated city through the real parsers, spools and shippers into a real broker. */
class SimulationTest {

    private static final TestKafka KAFKA = TestKafka.shared();

    @TempDir
    Path dir;

    private static String text(KafkaEvents.Received r, String field) {
        FieldValue value = r.event().field(field);
        return value instanceof FieldValue.StringValue s ? s.value() : null;
    }

    @Test
    void everySiteShipsParsedEventsAndHeartbeatsUnderItsOwnKey() throws Exception {
        String topic = "sim-" + System.nanoTime();
        KAFKA.createTopic(topic, 3);
        Simulation.Options options = new Simulation.Options(3, 300, 42, KAFKA.bootstrapServers(), topic, dir, true);
        try (Simulation simulation = Simulation.start(options, Clock.systemUTC(), "test");
             KafkaEvents events = new KafkaEvents(KAFKA.bootstrapServers(), topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<KafkaEvents.Received> received = events.poll();
                Set<String> inputs = new HashSet<>();
                received.forEach(r -> inputs.add(r.key() + "/" + r.event().origin().eventId().inputId()));
                return received.size() >= 600 && inputs.containsAll(List.of("so-tttt/ids", "so-tttt/fw",
                        "so-tai-chinh/heartbeat", "so-y-te/av", "so-y-te/backup", "so-y-te/ids"));
            });
            List<KafkaEvents.Received> received = events.poll();
            assertThat(received).allSatisfy(r -> assertThat(r.event().origin().siteId()).isEqualTo(r.key()));
            assertThat(received).extracting(r -> text(r, "event.kind")).doesNotContain("pipeline_error");
            assertThat(received).extracting(KafkaEvents.Received::key).containsOnly("so-tttt", "so-tai-chinh", "so-y-te");
            assertThat(received).extracting(r -> r.event().id().toString()).doesNotHaveDuplicates();
            assertThat(simulation.shipped()).isGreaterThanOrEqualTo(600);
        }
    }

    @Test
    void optionsOutOfRangeAreRefusedWithTheOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Simulation.Options(0, 10, 1, "x:1", "t", dir, false))
                .hasMessageContaining("--sites");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Simulation.Options(1, 0, 1, "x:1", "t", dir, false))
                .hasMessageContaining("--eps");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Simulation.Options(1, Double.NaN, 1, "x:1", "t", dir, false))
                .hasMessageContaining("--eps");
    }
}
