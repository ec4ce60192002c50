package com.ramparts.agent.testing;

import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a test topic from the start, as SOC would, keeping each record's key. */
public final class KafkaEvents implements AutoCloseable {

    public record Received(String key, TelemetryEvent event) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    public KafkaEvents(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything received so far, after one more poll. */
    public synchronized List<Received> poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            received.add(new Received(record.key(), Events.JSON.read(record.value())));
        }
        return List.copyOf(received);
    }

    /** The ids received so far, duplicates included, after one more poll. */
    public List<String> ids() {
        return poll().stream().map(r -> r.event().id().toString()).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
