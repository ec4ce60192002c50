package com.ramparts.soc.ingest;

import com.ramparts.runtime.host.Ports;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import com.ramparts.testsupport.TestOpenSearch;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer talks to OpenSearch through a port the test can close. While it is closed nothing is
 * committed; once it opens, every event arrives, once.
 */
@SpringBootTest
class IngestWhileOpenSearchIsAwayTest {

    private static final IngestTestSetup SETUP = IngestTestSetup.unique();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static SwitchableProxy proxy;

    @Autowired
    IngestService ingest;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void openSearchBehindASwitch(DynamicPropertyRegistry registry) throws Exception {
        proxy = new SwitchableProxy(TestOpenSearch.shared().httpUri(), Ports.freePort());
        proxy.open(); // for the template at start-up
        SETUP.register(registry, proxy.uri().toString());
    }

    @AfterAll
    static void closeProxy() throws Exception {
        proxy.close();
    }

    @Test
    void offsetsAreNotCommittedWhileOpenSearchIsUnreachableAndEverythingArrivesOnceItIsBack() throws Exception {
        await().atMost(PATIENCE).until(ingest::isConsuming);
        proxy.shut();
        double retriedBefore = meters.counter("ramparts.index.documents", "result", "retried").count();
        List<TelemetryEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(Telemetry.alert("ward-41", "agent-41", i, Instant.now()));
        }
        try (Telemetry telemetry = new Telemetry()) {
            events.forEach(event -> telemetry.send(SETUP.eventsTopic(), event));

            await().atMost(PATIENCE).until(() -> meters.counter("ramparts.index.documents", "result", "retried").count()
                    > retriedBefore);
            assertThat(committedOffsets()).as("nothing is committed while OpenSearch is away").isZero();
            OpenSearchProbe openSearch = new OpenSearchProbe(TestOpenSearch.shared().httpUri());
            assertThat(openSearch.count(SETUP.indexPrefix() + "*", "ramparts.site_id", "ward-41")).isZero();

            events.subList(0, 10).forEach(event -> telemetry.send(SETUP.eventsTopic(), event)); // and some twice
            proxy.open();

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(committedOffsets()).isEqualTo(60);
                assertThat(openSearch.count(SETUP.indexPrefix() + "*", "ramparts.site_id", "ward-41")).isEqualTo(50);
            });
        }
    }

    private long committedOffsets() throws Exception {
        try (Admin admin = TestKafka.shared().admin()) {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(SETUP.consumerGroup())
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}
