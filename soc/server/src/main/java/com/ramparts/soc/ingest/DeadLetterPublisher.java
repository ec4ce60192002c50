package com.ramparts.soc.ingest;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes dead letters: the original key and value, and headers {@value #REASON} (a stable code),
 * {@value #DETAIL} (one line), {@value #SOURCE_TOPIC}, {@value #SOURCE_PARTITION}, {@value #SOURCE_OFFSET}
 * and {@value #TIME} (when it was dead-lettered, ISO-8601). {@link #publish} returns only when the
 * broker has every one of them, so the consumer may then commit past them.
 */
final class DeadLetterPublisher implements AutoCloseable {

    static final String REASON = "reason";
    static final String DETAIL = "detail";
    static final String SOURCE_TOPIC = "source.topic";
    static final String SOURCE_PARTITION = "source.partition";
    static final String SOURCE_OFFSET = "source.offset";
    static final String TIME = "time";

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    DeadLetterPublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "ramparts-soc-dead-letter",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, WireTopics.DEAD_LETTER_MAX_MESSAGE_BYTES,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** @throws KafkaException when the broker did not take every dead letter; the caller retries all */
    void publish(List<DeadLetter> deadLetters) throws InterruptedException {
        if (deadLetters.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        List<Future<RecordMetadata>> sent = new ArrayList<>(deadLetters.size());
        for (DeadLetter deadLetter : deadLetters) {
            var source = deadLetter.record();
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON, utf8(deadLetter.rejection().reason()));
            headers.add(DETAIL, utf8(deadLetter.rejection().detail()));
            headers.add(SOURCE_TOPIC, utf8(source.topic()));
            headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
            headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
            headers.add(TIME, utf8(now));
            sent.add(producer.send(new ProducerRecord<>(topic, null, source.key(), source.value(), headers)));
        }
        producer.flush();
        for (Future<RecordMetadata> result : sent) {
            try {
                result.get();
            } catch (ExecutionException e) {
                throw new KafkaException("dead letter not written to " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
