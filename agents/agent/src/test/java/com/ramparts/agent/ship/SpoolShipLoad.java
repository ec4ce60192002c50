package com.ramparts.agent.ship;

import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.Spool;
import com.ramparts.agent.spool.SpoolOptions;
import com.ramparts.agent.spool.SpoolRecord;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import com.ramparts.testsupport.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Load harness (not a test): spool append throughput, then spool-to-Kafka shipping throughput,
 * for docs/BENCHMARKS.md. Uses the in-process test broker unless a bootstrap address is given.
 *
 * <pre>
 * cd /work/main && ./mvnw -q -o -pl agents/agent test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp agents/agent/target/test-classes:agents/agent/target/classes:$(cat /tmp/cp.txt) \
 *     com.ramparts.agent.ship.SpoolShipLoad [events=200000] [fsync=interval|always|never] [bootstrap]
 * </pre>
 */
public final class SpoolShipLoad {

    private SpoolShipLoad() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        FsyncPolicy fsync = args.length > 1 ? FsyncPolicy.valueOf(args[1].toUpperCase(Locale.ROOT))
                : FsyncPolicy.INTERVAL;
        String bootstrap = args.length > 2 ? args[2] : TestKafka.shared().bootstrapServers();
        String topic = "load." + System.nanoTime();
        if (args.length <= 2) {
            TestKafka.shared().createTopic(topic, 3);
        }
        Path dir = Files.createTempDirectory("spool-load");
        TelemetryJson json = new TelemetryJson();
        List<SpoolRecord> batch = new ArrayList<>(500);
        long bytes = 0;
        try (Spool spool = Spool.open(SpoolOptions.defaults(dir).withMaxBytes(8L << 30)
                .withFsync(fsync, Duration.ofSeconds(1)))) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                byte[] payload = json.write(event(i));
                bytes += payload.length;
                batch.add(new SpoolRecord("eve", payload));
                if (batch.size() == 500) {
                    spool.append(batch);
                    batch.clear();
                }
            }
            spool.append(batch);
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "append: %d events (%.1f MB, %d B/event) in %.2f s = %.0f events/s,"
                            + " %.1f MB/s (fsync %s, batches of 500, serialisation included)%n", events, bytes / 1e6,
                    bytes / events, appendSeconds, events / appendSeconds, bytes / 1e6 / appendSeconds, fsync);

            KafkaShipper shipper = new KafkaShipper(spool, ShipperOptions.of(bootstrap, topic, "ward-03",
                    Duration.ofSeconds(30), Duration.ofSeconds(5)), KafkaShipper.ShipListener.NONE);
            start = System.nanoTime();
            Thread thread = Thread.ofPlatform().name("shipper").start(shipper);
            while (spool.stats().pendingRecords() > 0) {
                Thread.sleep(50);
            }
            double shipSeconds = (System.nanoTime() - start) / 1e9;
            shipper.stop();
            thread.join();
            System.out.printf(Locale.ROOT, "ship: %d events in %.2f s = %.0f events/s, %.1f MB/s (zstd, acks=all,"
                    + " idempotent, to %s)%n", events, shipSeconds, events / shipSeconds, bytes / 1e6 / shipSeconds,
                    args.length > 2 ? bootstrap : "the in-process test broker");
        }
        System.exit(0);
    }

    /** A Suricata-alert-sized event (about 700 bytes as JSON). */
    private static TelemetryEvent event(int i) {
        return TelemetryEvent.builder()
                .timestamp(Instant.ofEpochSecond(1_772_000_000L + i / 1000))
                .origin(Origin.of("ward-03", new EventId("agent-7", "eve", i)))
                .original("{\"timestamp\":\"2026-03-01T08:15:30.123456+0700\",\"flow_id\":" + (1_000_000L + i)
                        + ",\"event_type\":\"alert\",\"src_ip\":\"10.20.0." + (i % 250) + "\",\"src_port\":"
                        + (40000 + i % 20000) + ",\"dest_ip\":\"203.0.113.7\",\"dest_port\":443,\"proto\":\"TCP\","
                        + "\"alert\":{\"signature_id\":2024897,\"signature\":\"ET MALWARE Observed Malicious SSL Cert\"}}")
                .put(Ecs.EVENT_KIND, Ecs.Kind.ALERT)
                .put(Ecs.EVENT_CATEGORY, List.of("network", "intrusion_detection"))
                .put(Ecs.SOURCE_IP, "10.20.0." + (i % 250))
                .put(Ecs.SOURCE_PORT, 40000 + i % 20000)
                .put(Ecs.DESTINATION_IP, "203.0.113.7")
                .put(Ecs.DESTINATION_PORT, 443)
                .put(Ecs.NETWORK_TRANSPORT, "tcp")
                .put(Ecs.RULE_ID, "2024897")
                .put(Ecs.RULE_NAME, "ET MALWARE Observed Malicious SSL Cert")
                .build();
    }
}
