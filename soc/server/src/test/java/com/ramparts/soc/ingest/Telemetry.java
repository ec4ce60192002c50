package com.ramparts.soc.ingest;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import com.ramparts.testsupport.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events in the agent's format, and a producer that sends them as the agent does (key = site id). */
final class Telemetry implements AutoCloseable {

    static final TelemetryJson JSON = new TelemetryJson();

    private final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    /** A Suricata alert as the agent normalises it. */
    static TelemetryEvent alert(String siteId, String agentId, long sequence, Instant at) {
        return TelemetryEvent.builder()
                .timestamp(at)
                .origin(Origin.of(siteId, new EventId(agentId, "suricata-eve", sequence)))
                .original("{\"event_type\":\"alert\",\"src_ip\":\"10.20.0.7\",\"flow_id\":" + sequence + "}")
                .put(Ecs.EVENT_KIND, Ecs.Kind.ALERT)
                .put(Ecs.EVENT_DATASET, "suricata.eve")
                .put(Ecs.EVENT_CATEGORY, List.of("network", "intrusion_detection"))
                .put(Ecs.SOURCE_IP, "10.20.0.7")
                .put(Ecs.SOURCE_PORT, 51000 + sequence)
                .put(Ecs.DESTINATION_IP, "10.20.0.5")
                .put(Ecs.DESTINATION_PORT, 443L)
                .put(Ecs.RULE_NAME, "ET SCAN Nmap")
                .put("suricata.eve.flow_id", sequence)
                .build();
    }

    static byte[] bytes(TelemetryEvent event) {
        return JSON.write(event);
    }

    void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    void send(String topic, TelemetryEvent event) {
        send(topic, event.origin().siteId(), bytes(event));
    }

    @Override
    public void close() {
        producer.close();
    }
}
