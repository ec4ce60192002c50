package com.ramparts.soc.correlation;

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

/** Agent-format events for the test rules, and a producer that keys them by site as the agent does. */
final class Events implements AutoCloseable {

    private static final TelemetryJson JSON = new TelemetryJson();

    private final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    private final String topic;

    Events(String topic) {
        this.topic = topic;
    }

    /** An iptables DROP/deny line as the agent normalises it. */
    static TelemetryEvent denied(String site, long sequence, Instant at, String sourceIp, long port) {
        return base(site, "iptables", sequence, at, "iptables.log")
                .put(Ecs.EVENT_CATEGORY, List.of("network"))
                .put(Ecs.EVENT_ACTION, "deny")
                .put(Ecs.SOURCE_IP, sourceIp)
                .put(Ecs.DESTINATION_IP, "10.1.0.10")
                .put(Ecs.DESTINATION_PORT, port)
                .put(Ecs.NETWORK_TRANSPORT, "tcp")
                .build();
    }

    static TelemetryEvent malware(String site, long sequence, Instant at) {
        return base(site, "clamav", sequence, at, "clamav.clamd")
                .put(Ecs.EVENT_CATEGORY, List.of("malware"))
                .put(Ecs.EVENT_ACTION, "detected")
                .put(Ecs.FILE_PATH, "/srv/share/invoice.pdf.exe")
                .put(Ecs.RULE_NAME, "Win.Ransomware.Lockbit-9957101-0")
                .build();
    }

    static TelemetryEvent snapshotsForgotten(String site, long sequence, Instant at) {
        return base(site, "restic", sequence, at, "restic.snapshots")
                .put(Ecs.EVENT_ACTION, "forget")
                .put(Ecs.EVENT_OUTCOME, "success")
                .build();
    }

    static TelemetryEvent wiped(String site, long sequence, Instant at) {
        return base(site, "restic", sequence, at, "restic.snapshots")
                .put(Ecs.EVENT_ACTION, "wipe")
                .put(Ecs.EVENT_OUTCOME, "success")
                .build();
    }

    static TelemetryEvent idsAlert(String site, long sequence, Instant at, String signature) {
        return base(site, "suricata-eve", sequence, at, "suricata.eve")
                .put(Ecs.EVENT_KIND, Ecs.Kind.ALERT)
                .put(Ecs.SOURCE_IP, "198.51.100.23")
                .put(Ecs.DESTINATION_IP, "10.1.0.5")
                .put(Ecs.DESTINATION_PORT, 443L)
                .put(Ecs.RULE_NAME, signature)
                .build();
    }

    /** A Suricata EVE dns query as the agent normalises it. */
    static TelemetryEvent dnsQuery(String site, long sequence, Instant at, String name) {
        return base(site, "suricata-eve", sequence, at, "suricata.eve")
                .put(Ecs.EVENT_KIND, "event")
                .put(Ecs.EVENT_ACTION, "dns")
                .put(Ecs.SOURCE_IP, "10.1.0.23")
                .put(Ecs.DESTINATION_IP, "10.1.0.1")
                .put(Ecs.DESTINATION_PORT, 53L)
                .put(Ecs.DNS_QUESTION_NAME, name)
                .put(Ecs.DNS_QUESTION_TYPE, "A")
                .build();
    }

    /** A clamd detection with the file's MD5, as the agent's ClamAV parser emits it. */
    static TelemetryEvent malwareWithHash(String site, long sequence, Instant at, String md5) {
        return base(site, "clamav", sequence, at, "clamav.clamd")
                .put(Ecs.EVENT_CATEGORY, List.of("malware"))
                .put(Ecs.EVENT_ACTION, "detected")
                .put(Ecs.FILE_PATH, "/srv/share/HoaDon_T11.pdf.exe")
                .put(Ecs.RULE_NAME, "Win.Test.EICAR_HDB-1")
                .put("file.hash.md5", md5)
                .build();
    }

    static TelemetryEvent heartbeat(String site, long sequence, Instant at) {
        return base(site, "heartbeat", sequence, at, "ramparts.heartbeat")
                .put(Ecs.EVENT_KIND, "metric")
                .build();
    }

    private static TelemetryEvent.Builder base(String site, String input, long sequence, Instant at, String dataset) {
        return TelemetryEvent.builder()
                .timestamp(at)
                .origin(Origin.of(site, new EventId("agent-" + site, input, sequence)))
                .put(Ecs.EVENT_DATASET, dataset);
    }

    void send(TelemetryEvent event) {
        send(event.origin().siteId(), JSON.write(event));
    }

    void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
