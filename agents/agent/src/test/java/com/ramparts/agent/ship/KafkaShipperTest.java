package com.ramparts.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.Spool;
import com.ramparts.agent.spool.SpoolOptions;
import com.ramparts.agent.spool.SpoolRecord;
import com.ramparts.agent.testing.Events;
import com.ramparts.agent.testing.KafkaEvents;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class KafkaShipperTest {

    private static final TestKafka KAFKA = TestKafka.shared();

    @TempDir
    Path dir;

    private final Map<String, Long> shippedPerInput = new ConcurrentHashMap<>();

    private Spool openSpool() throws IOException {
        return Spool.open(SpoolOptions.defaults(dir).withSegmentBytes(64 * 1024, 16 * 1024).withMaxBytes(64 << 20)
                .withFsync(FsyncPolicy.INTERVAL, Duration.ofMillis(50)));
    }

    private static String topic() {
        String topic = "telemetry.events." + UUID.randomUUID();
        KAFKA.createTopic(topic, 3);
        return topic;
    }

    private static List<SpoolRecord> events(String input, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> new SpoolRecord(input, Events.JSON.write(
                TelemetryEvent.builder().timestamp(Instant.parse("2026-03-01T00:00:00Z"))
                        .origin(Origin.of("ward-03", new EventId("agent-7", input, i)))
                        .put(Ecs.EVENT_KIND, Ecs.Kind.EVENT).put(Ecs.MESSAGE, "event " + i).build()))).toList();
    }

    private static List<String> ids(String input, int count) {
        return IntStream.range(0, count).mapToObj(i -> "agent-7:" + input + ":" + i).toList();
    }

    private KafkaShipper shipper(Spool spool, String bootstrap, String topic) {
        ShipperOptions options = ShipperOptions.of(bootstrap, topic, "ward-03", Duration.ofSeconds(3),
                Duration.ofMillis(500));
        return new KafkaShipper(spool, options, (input, n) -> shippedPerInput.merge(input, n, Long::sum));
    }

    private static Thread run(KafkaShipper shipper) {
        return Thread.ofPlatform().name("shipper-under-test").start(shipper);
    }

    @Test
    void everyEventArrivesOnceInSpoolOrderKeyedBySiteAndTheSpoolEmpties() throws Exception {
        String topic = topic();
        try (Spool spool = openSpool(); KafkaEvents kafka = new KafkaEvents(KAFKA.bootstrapServers(), topic)) {
            spool.append(events("eve", 0, 3000));
            spool.append(events("fw", 0, 500));
            KafkaShipper shipper = shipper(spool, KAFKA.bootstrapServers(), topic);
            Thread thread = run(shipper);

            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.ids().size() >= 3500);
            List<KafkaEvents.Received> received = kafka.poll();
            assertThat(received).hasSize(3500).allSatisfy(r -> assertThat(r.key()).isEqualTo("ward-03"));
            List<String> eve = received.stream().map(r -> r.event().id().toString())
                    .filter(id -> id.contains(":eve:")).toList();
            assertThat(eve).isEqualTo(ids("eve", 3000)); // one key, one partition: spool order is kept

            await().atMost(Duration.ofSeconds(10)).until(() -> spool.stats().pendingRecords() == 0
                    && spool.stats().segments() <= 2);
            assertThat(shippedPerInput).containsEntry("eve", 3000L).containsEntry("fw", 500L);
            shipper.stop();
            thread.join();
            assertThat(shipper.stats().shipped()).isEqualTo(3500);
        }
    }

    @Test
    void whileKafkaIsUnreachableEventsStaySpooledAndAllArriveOnceItIsBack() throws Exception {
        String topic = topic();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (Spool spool = openSpool()) {
            spool.append(events("eve", 0, 1000));
            KafkaShipper down = shipper(spool, "127.0.0.1:" + closedPort, topic);
            Thread thread = run(down);
            await().atMost(Duration.ofSeconds(30)).until(() -> down.stats().failures() >= 2);
            spool.append(events("eve", 1000, 500)); // inputs keep spooling during the outage
            assertThat(down.stats().shipped()).isZero();
            assertThat(down.stats().lastError()).isNotNull();
            down.stop();
            thread.join();
            assertThat(spool.stats().pendingRecords()).isEqualTo(1500);
        }
        try (Spool spool = openSpool(); KafkaEvents kafka = new KafkaEvents(KAFKA.bootstrapServers(), topic)) {
            KafkaShipper up = shipper(spool, KAFKA.bootstrapServers(), topic);
            Thread thread = run(up);
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.ids().size() >= 1500);
            assertThat(kafka.ids()).isEqualTo(ids("eve", 1500)); // nothing lost, nothing twice, in order
            await().atMost(Duration.ofSeconds(10)).until(() -> spool.stats().pendingRecords() == 0);
            up.stop();
            thread.join();
        }
    }

    @Test
    void aShipperStoppedMidStreamAndRestartedDeliversEveryIdWithOnlyRepeatsAsExtra() throws Exception {
        String topic = topic();
        try (KafkaEvents kafka = new KafkaEvents(KAFKA.bootstrapServers(), topic)) {
            Spool first = openSpool();
            first.append(events("eve", 0, 5000));
            KafkaShipper interrupted = shipper(first, KAFKA.bootstrapServers(), topic);
            Thread thread = run(interrupted);
            await().atMost(Duration.ofSeconds(60)).until(() -> interrupted.stats().shipped() > 0);
            // abandoned mid-stream, the spool never closed: the cursor on disk is behind what Kafka has
            interrupted.stop();
            thread.join();

            try (Spool spool = openSpool()) {
                KafkaShipper resumed = shipper(spool, KAFKA.bootstrapServers(), topic);
                Thread again = run(resumed);
                await().atMost(Duration.ofSeconds(60)).until(() -> new HashSet<>(kafka.ids()).size() >= 5000);
                assertThat(new HashSet<>(kafka.ids())).containsExactlyInAnyOrderElementsOf(ids("eve", 5000));
                resumed.stop();
                again.join();
            }
        }
    }
}
