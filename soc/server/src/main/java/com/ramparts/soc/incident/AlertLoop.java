package com.ramparts.soc.incident;

import com.ramparts.soc.lifecycle.StoppableLoop;
import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.alert.AlertMessages;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The consumer's thread: poll, file each alert, then commit. At least once: a failure (database or Kafka) drops the
 * consumer without committing, and a fresh one re-reads from the last commit; alerts already stored are recognised
 * by id and change nothing. A record that is not an alert is logged and skipped, never retried forever.
 */
final class AlertLoop implements StoppableLoop {

    private static final Logger log = LoggerFactory.getLogger(AlertLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final SocProperties properties;
    private final Incidents incidents;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    AlertLoop(SocProperties properties, Incidents incidents) {
        this.properties = properties;
        this.incidents = incidents;
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
                        log.error("Alert consumer woken unexpectedly; starting again", e);
                    }
                } catch (RuntimeException e) {
                    log.error("Filing alerts failed; starting again from the last committed offsets in {}",
                            properties.incidents().retryBackoff(), e);
                    stopping.await(properties.incidents().retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Alert consumer stopped");
    }

    private void consume() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config())) {
            consumer = kafka;
            if (stopped()) {
                return;
            }
            String topic = properties.kafka().topics().alerts().name();
            kafka.subscribe(List.of(topic));
            log.info("Filing alerts of {} into incidents as consumer group {}", topic, properties.incidents().consumerGroup());
            while (!stopped()) {
                ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    file(record);
                }
                kafka.commitSync();
            }
        } finally {
            consumer = null;
        }
    }

    private void file(ConsumerRecord<byte[], byte[]> record) {
        AlertMessage alert;
        try {
            alert = AlertMessages.read(record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping {}-{}@{}: not an alert: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (alert.id() == null || alert.ruleId() == null || alert.severity() < 1 || alert.severity() > 5) {
            log.warn("Skipping {}-{}@{}: alert without id, rule id or severity 1-5", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        Incidents.Outcome outcome = incidents.ingest(alert);
        log.debug("Alert {} of rule {}: {}", alert.id(), alert.ruleId(), outcome);
    }

    private Map<String, Object> config() {
        String group = properties.incidents().consumerGroup();
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + ProcessHandle.current().pid(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // the correlator publishes in transactions (exactly_once_v2)
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }
}
