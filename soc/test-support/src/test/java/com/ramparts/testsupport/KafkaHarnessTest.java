package com.ramparts.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealServers.class)
class KafkaHarnessTest {

    @Test
    void recordRoundTripsThroughTheRealBroker(TestKafka kafka) throws Exception {
        String topic = "harness-" + UUID.randomUUID();
        kafka.createTopic(topic, 3);

        RecordMetadata written;
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            written = producer.send(new ProducerRecord<>(topic, "site-q1", "{\"event\":{\"kind\":\"event\"}}")).get();
        }

        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "harness-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
        }

        assertThat(read).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("site-q1");
            assertThat(record.value()).isEqualTo("{\"event\":{\"kind\":\"event\"}}");
            assertThat(record.partition()).isEqualTo(written.partition());
            assertThat(record.offset()).isEqualTo(written.offset());
        });
    }

    @Test
    void theSameBrokerServesEveryTestOfTheJvm(TestKafka first) {
        assertThat(TestKafka.shared()).isSameAs(first);
        assertThat(first.bootstrapServers()).matches("[^,]+:\\d+");
    }
}
