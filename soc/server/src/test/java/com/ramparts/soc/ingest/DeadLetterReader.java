package com.ramparts.soc.ingest;

import com.ramparts.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the dead-letter topic from its beginning, accumulating across calls. */
final class DeadLetterReader implements AutoCloseable {

    /** One dead letter as a test sees it. */
    record Letter(String key, byte[] value, Map<String, String> headers) {
        String reason() {
            return headers.get(DeadLetterPublisher.REASON);
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Letter> letters = new ArrayList<>();

    DeadLetterReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far, after one more poll. */
    List<Letter> poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            letters.add(new Letter(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    record.value(), headers));
        }
        return List.copyOf(letters);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
