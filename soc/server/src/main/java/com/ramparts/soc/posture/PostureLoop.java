package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.lifecycle.StoppableLoop;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The posture consumer's thread: poll a batch of {@code telemetry.events}, merge what it says into SQL in one
 * transaction, then commit the batch's offsets. A failure (database, Kafka) drops the consumer without committing;
 * a fresh one re-reads from the last commit, and the merge makes the re-read harmless. Records that are not valid
 * events, or whose key is not their site, are skipped and counted here (the indexer dead-letters them); drill
 * events (with {@code ramparts.exercise_id}) are skipped: drills never touch posture.
 */
final class PostureLoop implements StoppableLoop {

    private static final Logger log = LoggerFactory.getLogger(PostureLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final SocProperties properties;
    private final PostureStore store;
    private final Observations observations;
    private final Clock clock;
    private final TelemetryJson json = new TelemetryJson();
    private final Counter applied;
    private final Counter drills;
    private final Counter refused;
    private final Counter batches;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    PostureLoop(SocProperties properties, PostureStore store, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.store = store;
        this.observations = new Observations(properties.posture());
        this.clock = clock;
        this.applied = Counter.builder("ramparts_posture_events_total").tag("result", "applied").register(meters);
        this.drills = Counter.builder("ramparts_posture_events_total").tag("result", "drill").register(meters);
        this.refused = Counter.builder("ramparts_posture_events_total").tag("result", "refused").register(meters);
        this.batches = Counter.builder("ramparts_posture_batches_committed_total").register(meters);
    }

    @Override
    public void stop() {
        stopping.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    @Override
    public void run() {
        try {
            while (!stopped()) {
                try {
                    consume();
                } catch (WakeupException e) {
                    if (!stopped()) {
                        log.error("Posture consumer woken unexpectedly; starting again", e);
                    }
                } catch (RuntimeException e) {
                    log.error("Posture batch failed; reading again from the last committed offsets in {}",
                            properties.posture().retryBackoff(), e);
                    stopping.await(properties.posture().retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Posture consumer stopped");
    }

    private void consume() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config())) {
            consumer = kafka;
            if (stopped()) {
                return;
            }
            String topic = properties.kafka().topics().events().name();
            kafka.subscribe(List.of(topic));
            log.info("Measuring posture from {} as consumer group {}", topic, properties.posture().consumerGroup());
            while (!stopped()) {
                ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                PostureBatch batch = new PostureBatch();
                var now = clock.instant();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    observe(record, batch, now);
                }
                store.apply(batch, now);
                kafka.commitSync();
                batches.increment();
            }
        } finally {
            consumer = null;
        }
    }

    void observe(ConsumerRecord<byte[], byte[]> record, PostureBatch batch, java.time.Instant now) {
        TelemetryEvent event;
        try {
            event = json.read(record.value() == null ? new byte[0] : record.value());
        } catch (RuntimeException e) {
            refused.increment();
            log.debug("Posture skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (record.key() == null || !Arrays.equals(record.key(), event.origin().siteId().getBytes(StandardCharsets.UTF_8))) {
            refused.increment(); // a site may only speak for itself (the indexer dead-letters these as SITE_MISMATCH)
            return;
        }
        if (event.origin().exerciseId().isPresent()) {
            drills.increment();
            return;
        }
        observations.observe(event, now, batch);
        applied.increment();
    }

    private Map<String, Object> config() {
        String group = properties.posture().consumerGroup();
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + ProcessHandle.current().pid(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // a new group reads what the topic still holds: posture is rebuilt from the retained telemetry
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.posture().maxPollRecords(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }
}
