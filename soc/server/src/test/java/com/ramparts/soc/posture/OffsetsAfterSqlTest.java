package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.lifecycle.LoopThread;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The posture consumer commits a batch's offsets only after its state is written: while the database refuses every
 * batch, nothing is committed and the batch is read again; once it accepts, the batch is written and committed.
 * (The store is our own seam: a subclass that fails on demand; Kafka is the real broker.)
 */
class OffsetsAfterSqlTest {

    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    /** A store whose database is "down" until told otherwise; remembers the sites it wrote. */
    static final class FlakyStore extends PostureStore {
        final AtomicBoolean down = new AtomicBoolean(true);
        final AtomicInteger attempts = new AtomicInteger();
        final Set<String> written = ConcurrentHashMap.newKeySet();

        FlakyStore() {
            super(null, null);
        }

        @Override
        void apply(PostureBatch batch, Instant now) {
            attempts.incrementAndGet();
            if (down.get()) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database away (test)");
            }
            written.addAll(batch.sites().keySet());
        }
    }

    @Test
    void offsetsWaitForTheDatabase() throws Exception {
        String topic = "posture-flaky-" + UUID.randomUUID();
        String group = "posture-flaky-" + UUID.randomUUID();
        TestKafka kafka = TestKafka.shared();
        kafka.createTopic(topic, 1);
        SocProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "ramparts.soc.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "ramparts.soc.kafka.topics.events.name", topic,
                "ramparts.soc.kafka.topics.dead-letter.name", "dl",
                "ramparts.soc.kafka.topics.alerts.name", "al",
                "ramparts.soc.kafka.topics.pki-audit.name", "pa",
                "ramparts.soc.posture.consumer-group", group,
                "ramparts.soc.posture.retry-backoff", "50ms"))).bindOrCreate("ramparts.soc", SocProperties.class);
        FlakyStore store = new FlakyStore();
        AgentTelemetry.Agent agent = new AgentTelemetry.Agent("site-flaky", "U-1", "agent-flaky");
        List<TelemetryEvent> events = List.of(AgentTelemetry.heartbeat(agent, NOW.minusSeconds(60)),
                AgentTelemetry.heartbeat(agent, NOW.minusSeconds(30)), AgentTelemetry.heartbeat(agent, NOW));
        LoopThread loop = LoopThread.start("posture-flaky", new PostureLoop(properties, store, Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry()));
        try (AgentTelemetry telemetry = new AgentTelemetry()) {
            telemetry.send(topic, events);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.attempts.get() >= 3);
            assertThat(committed(group)).as("nothing committed while the database refuses").isZero();
            assertThat(store.written).isEmpty();

            store.down.set(false);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(group) == 3);
            assertThat(store.written).containsExactly("site-flaky");
        } finally {
            loop.stop(Duration.ofSeconds(10));
        }
    }

    private static long committed(String group) throws Exception {
        Map<?, OffsetAndMetadata> offsets = TestKafka.shared().admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }
}
