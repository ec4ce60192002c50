package com.ramparts.soc.correlation;

import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.stream.CorrelationEngine;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two correlator instances share the partitions; one is killed with SIGKILL while port-scan windows
 * are half full; the survivor restores their state from the changelog and every scan fires exactly once.
 */
class CorrelatorFailoverTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int PARTITIONS = 6;
    private static final int SITES = 12;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String applicationId = "failover-" + suffix;
    private final String eventsTopic = "f" + suffix + ".telemetry.events";
    private final String alertsTopic = "f" + suffix + ".soc.alerts";
    private CorrelationEngine survivor;
    private Process doomed;

    @AfterEach
    void stop() {
        if (doomed != null) {
            doomed.destroyForcibly();
        }
        if (survivor != null) {
            survivor.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void killingOneOfTwoInstancesMidWindowLosesNothingAndDuplicatesNothing() throws Exception {
        TestKafka kafka = TestKafka.shared();
        kafka.createTopic(eventsTopic, PARTITIONS);
        kafka.createTopic(alertsTopic, 3);
        Path rules = Path.of("src/test/resources/correlation/rules").toAbsolutePath();
        Path work = Files.createTempDirectory("correlator-failover-");

        survivor = CorrelatorInstance.engine(kafka.bootstrapServers(), applicationId, eventsTopic, alertsTopic, rules,
                work.resolve("survivor"));
        survivor.start();
        Path log = work.resolve("doomed.log");
        doomed = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), CorrelatorInstance.class.getName(), kafka.bootstrapServers(),
                applicationId, eventsTopic, alertsTopic, rules.toString(), work.resolve("doomed").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        Set<Integer> doomedPartitions = awaitBothOwnPartitions();
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add("site-" + i);
        }
        assertThat(sites).as("some sites are on the instance to be killed, some on the survivor")
                .anyMatch(site -> doomedPartitions.contains(partitionOf(site)))
                .anyMatch(site -> !doomedPartitions.contains(partitionOf(site)));

        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, List<TelemetryEvent>> scans = new java.util.LinkedHashMap<>();
        for (int s = 0; s < SITES; s++) {
            List<TelemetryEvent> scan = new ArrayList<>();
            for (int port = 1; port <= 12; port++) {
                scan.add(Events.denied(sites.get(s), port, start.plusMillis(100L * port + s), "10.9." + s + ".1", 8000 + port));
            }
            scans.put("10.9." + s + ".1", scan);
        }
        try (Events events = new Events(eventsTopic); AlertReader alerts = new AlertReader(alertsTopic)) {
            scans.values().forEach(scan -> scan.subList(0, 6).forEach(events::send));
            awaitAllCommitted();
            assertThat(alerts.byRule(CorrelationServiceTest.PORT_SCAN)).isEmpty();

            doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no commit, no leave-group, no clean state

            scans.values().forEach(scan -> scan.subList(6, 12).forEach(events::send));
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(alerts.byRule(CorrelationServiceTest.PORT_SCAN)).hasSize(SITES));
            awaitAllCommitted();

            List<AlertMessage> fired = alerts.byRule(CorrelationServiceTest.PORT_SCAN);
            assertThat(fired).hasSize(SITES);
            Map<String, List<AlertMessage>> bySource = fired.stream()
                    .collect(Collectors.groupingBy(alert -> alert.groupKey().get("source.ip")));
            assertThat(bySource).hasSize(SITES);
            scans.forEach((source, scan) -> {
                assertThat(bySource.get(source)).as(source).hasSize(1);
                assertThat(bySource.get(source).getFirst().eventIds()).as("the events of " + source + " before and after the kill")
                        .containsExactlyElementsOf(scan.subList(0, 10).stream().map(e -> e.id().toString()).toList());
            });
        }
    }

    /** @return the partitions the second instance was given */
    private Set<Integer> awaitBothOwnPartitions() {
        Set<Integer> doomedPartitions = new HashSet<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(survivor.state()).isEqualTo(KafkaStreams.State.RUNNING);
            Set<String> local = survivor.streams().metadataForLocalThreads().stream()
                    .map(ThreadMetadata::consumerClientId).collect(Collectors.toSet());
            try (Admin admin = TestKafka.shared().admin()) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all()
                        .get(10, TimeUnit.SECONDS).get(applicationId);
                assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
                assertThat(group.members()).hasSize(2).allMatch(m -> !m.assignment().topicPartitions().isEmpty());
                doomedPartitions.clear();
                for (MemberDescription member : group.members()) {
                    if (!local.contains(member.clientId())) {
                        member.assignment().topicPartitions().forEach(tp -> doomedPartitions.add(tp.partition()));
                    }
                }
                assertThat(doomedPartitions).isNotEmpty().hasSizeLessThan(PARTITIONS);
            }
        });
        return doomedPartitions;
    }

    /** Until the group has committed every event produced so far (with their state and alerts: one transaction). */
    private void awaitAllCommitted() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            try (Admin admin = TestKafka.shared().admin()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    latest.put(new TopicPartition(eventsTopic, p), OffsetSpec.latest());
                }
                admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, end) -> {
                    long done = committed.get(tp) == null ? 0 : committed.get(tp).offset();
                    assertThat(done).as("committed offset of " + tp).isEqualTo(end.offset());
                });
            }
        });
    }

    private static int partitionOf(String site) {
        return Utils.toPositive(Utils.murmur2(site.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
