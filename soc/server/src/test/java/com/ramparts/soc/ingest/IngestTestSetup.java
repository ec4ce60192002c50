package com.ramparts.soc.ingest;

import com.ramparts.testsupport.TestKafka;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Properties that give one Spring test context its own topics, index prefix and consumer group on
 * the JVM's shared Kafka and OpenSearch, so contexts never see each other's events.
 */
record IngestTestSetup(String suffix, Path dataDir) {

    static IngestTestSetup unique() {
        try {
            return new IngestTestSetup(UUID.randomUUID().toString().substring(0, 8), Files.createTempDirectory("soc-ingest-test-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String eventsTopic() {
        return "t" + suffix + ".telemetry.events";
    }

    String deadLetterTopic() {
        return "t" + suffix + ".telemetry.dead-letter";
    }

    String indexPrefix() {
        return "it-" + suffix + "-events-";
    }

    String consumerGroup() {
        return "g-" + suffix;
    }

    void register(DynamicPropertyRegistry registry, String openSearchUrl) {
        registry.add("ramparts.soc.data-dir", dataDir::toString);
        registry.add("ramparts.soc.admin-credentials-file", () -> dataDir.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
        registry.add("ramparts.soc.kafka.topics.events.name", this::eventsTopic);
        registry.add("ramparts.soc.kafka.topics.events.partitions", () -> "3");
        registry.add("ramparts.soc.kafka.topics.dead-letter.name", this::deadLetterTopic);
        registry.add("ramparts.soc.kafka.topics.alerts.name", () -> "t" + suffix + ".soc.alerts");
        registry.add("ramparts.soc.kafka.topics.pki-audit.name", () -> "t" + suffix + ".pki.audit");
        registry.add("ramparts.soc.open-search.url", () -> openSearchUrl);
        registry.add("ramparts.soc.open-search.index-prefix", this::indexPrefix);
        registry.add("ramparts.soc.ingest.consumer-group", this::consumerGroup);
        registry.add("ramparts.soc.ingest.retry-initial-backoff", () -> "50ms");
        registry.add("ramparts.soc.ingest.retry-max-backoff", () -> "500ms");
    }
}
