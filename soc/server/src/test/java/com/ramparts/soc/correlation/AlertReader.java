package com.ramparts.soc.correlation;

import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.alert.AlertMessages;
import com.ramparts.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code soc.alerts} as a downstream consumer would: committed transactions only. */
final class AlertReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<AlertMessage> alerts = new ArrayList<>();

    AlertReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every alert committed so far. */
    List<AlertMessage> all() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                alerts.add(AlertMessages.read(record.value()));
            }
        }
        return List.copyOf(alerts);
    }

    List<AlertMessage> byRule(String ruleId) {
        return all().stream().filter(alert -> alert.ruleId().equals(ruleId)).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
