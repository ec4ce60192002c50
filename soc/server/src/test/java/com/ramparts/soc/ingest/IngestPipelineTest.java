package com.ramparts.soc.ingest;

import com.ramparts.soc.index.RetentionJob;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import com.ramparts.testsupport.TestOpenSearch;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Agent-format telemetry through a real Kafka broker into a real OpenSearch node. */
@SpringBootTest
class IngestPipelineTest {

    private static final IngestTestSetup SETUP = IngestTestSetup.unique();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    IngestService ingest;
    @Autowired
    SiteRegistry sites;
    @Autowired
    RetentionJob retention;
    @Autowired
    MeterRegistry meters;

    final OpenSearchProbe openSearch = new OpenSearchProbe(TestOpenSearch.shared().httpUri());

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        SETUP.register(registry, TestOpenSearch.shared().httpUri().toString());
    }

    @BeforeEach
    void indexerIsConsuming() {
        await().atMost(PATIENCE).until(ingest::isConsuming);
    }

    @Test
    void eventsOfSeveralSitesAreIndexedExactlyOnceEvenWhenProducedTwice() {
        sites.save(new Site("ward-01", "d1-ward-01", "Phường 1", List.of("suricata.eve"),
                List.of(new Site.Contact("Nguyễn Văn A", "a@ward01.example.vn", null))));
        sites.save(new Site("ward-02", "d1-ward-02", "Phường 2", List.of("suricata.eve"), List.of()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<TelemetryEvent> events = new ArrayList<>();
        for (String site : List.of("ward-01", "ward-02", "ward-99-unregistered")) {
            for (int i = 0; i < 20; i++) {
                events.add(Telemetry.alert(site, "agent-" + site, i, now.minusSeconds(i)));
            }
        }
        try (Telemetry telemetry = new Telemetry()) {
            events.forEach(event -> telemetry.send(SETUP.eventsTopic(), event));
            events.forEach(event -> telemetry.send(SETUP.eventsTopic(), event)); // a redelivery of everything
        }

        String pattern = SETUP.indexPrefix() + "*";
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(openSearch.count(pattern, "ramparts.site_id", "ward-01")).isEqualTo(20);
            assertThat(openSearch.count(pattern, "ramparts.site_id", "ward-02")).isEqualTo(20);
            assertThat(openSearch.count(pattern, "ramparts.site_id", "ward-99-unregistered")).isEqualTo(20);
            assertThat(meters.counter("ramparts.index.documents", "result", "duplicate").count()).isGreaterThanOrEqualTo(60);
        });
        assertThat(openSearch.count(pattern, "ramparts.event_id", "agent-ward-01:suricata-eve:7")).isEqualTo(1);
        assertThat(openSearch.count(pattern, "ramparts.unit_id", "d1-ward-02")).as("unit from the site registry").isEqualTo(20);
        assertThat(openSearch.count(pattern, Map.of("ramparts.site_id", "ward-99-unregistered",
                "labels.site_status", "unregistered"))).as("unknown sites are flagged").isEqualTo(20);
        assertThat(openSearch.count(pattern, Map.of("ramparts.site_id", "ward-01", "labels.site_status", "unregistered")))
                .isZero();

        JsonNode source = openSearch.source(pattern, "ramparts.event_id", "agent-ward-01:suricata-eve:3");
        assertThat(source.at("/event/original").asString()).contains("\"flow_id\":3");
        assertThat(Telemetry.JSON.read(source.toString().getBytes(StandardCharsets.UTF_8)).origin().unitId())
                .as("the indexed document still reads as an event").contains("d1-ward-01");
        String expectedIndex = SETUP.indexPrefix() + "suricata.eve-" + LocalDate.ofInstant(now.minusSeconds(3), ZoneOffset.UTC)
                .toString().replace('-', '.');
        assertThat(openSearch.get("/" + expectedIndex + "/_doc/agent-ward-01:suricata-eve:3").path("found").asBoolean()).isTrue();
    }

    @Test
    void recordsThatAreNotValidEventsAreDeadLetteredWithTheirReasonAndDoNotBlockTheOthers() {
        Instant now = Instant.now();
        byte[] valid = Telemetry.bytes(Telemetry.alert("ward-31", "agent-31", 1, now));
        byte[] wrongType = new String(Telemetry.bytes(Telemetry.alert("ward-31", "agent-31", 2, now)), StandardCharsets.UTF_8)
                .replace("\"port\":443", "\"port\":\"https\"").getBytes(StandardCharsets.UTF_8);
        byte[] notAnIp = new String(Telemetry.bytes(Telemetry.alert("ward-31", "agent-31", 3, now)), StandardCharsets.UTF_8)
                .replace("\"ip\":\"10.20.0.7\"", "\"ip\":\"10.20.0.999\"").getBytes(StandardCharsets.UTF_8);
        try (Telemetry telemetry = new Telemetry()) {
            telemetry.send(SETUP.eventsTopic(), "ward-31", "{\"@timestamp\": nope".getBytes(StandardCharsets.UTF_8));
            telemetry.send(SETUP.eventsTopic(), "ward-31", Arrays.copyOf(valid, valid.length / 2));
            telemetry.send(SETUP.eventsTopic(), "ward-32", valid); // ward-32 sending ward-31's event
            telemetry.send(SETUP.eventsTopic(), "ward-31", wrongType);
            telemetry.send(SETUP.eventsTopic(), "ward-31", notAnIp);
            for (int i = 10; i < 15; i++) {
                telemetry.send(SETUP.eventsTopic(), Telemetry.alert("ward-31", "agent-31", i, now));
            }
        }

        try (DeadLetterReader deadLetters = new DeadLetterReader(SETUP.deadLetterTopic())) {
            List<DeadLetterReader.Letter> letters = await().atMost(PATIENCE)
                    .until(deadLetters::poll, all -> all.stream().filter(l -> l.key().startsWith("ward-3")).count() >= 5);
            Map<String, DeadLetterReader.Letter> byReason = letters.stream()
                    .filter(l -> l.key().startsWith("ward-3"))
                    .collect(Collectors.toMap(DeadLetterReader.Letter::reason, l -> l));
            assertThat(byReason).containsOnlyKeys("MALFORMED_JSON", "TRUNCATED", "SITE_MISMATCH", "WRONG_TYPE", "INDEX_REJECTED");
            assertThat(byReason.get("SITE_MISMATCH").value()).as("the original bytes").isEqualTo(valid);
            assertThat(byReason.get("SITE_MISMATCH").headers().get("detail")).contains("'ward-32'", "'ward-31'");
            assertThat(byReason.get("WRONG_TYPE").headers().get("detail")).contains("destination.port");
            assertThat(byReason.get("INDEX_REJECTED").headers().get("detail")).contains("400", "source.ip");
            assertThat(byReason.get("TRUNCATED").headers())
                    .containsEntry("source.topic", SETUP.eventsTopic())
                    .containsKeys("source.partition", "source.offset", "time");
        }
        assertThat(openSearch.count(SETUP.indexPrefix() + "*", "ramparts.site_id", "ward-31")).isEqualTo(5);
        assertThat(meters.counter("ramparts.ingest.dead.lettered", "reason", "TRUNCATED").count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.counter("ramparts.ingest.dead.lettered", "reason", "SITE_MISMATCH").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theTemplateMapsEcsTypesFromTheModel() {
        String index = SETUP.indexPrefix() + "mapping.check-2026.01.01";
        assertThat(openSearch.status("PUT", "/" + index, null)).isEqualTo(200);
        JsonNode properties = openSearch.get("/" + index + "/_mapping").path(index).path("mappings").path("properties");
        assertThat(properties.at("/source/properties/ip/type").asString()).isEqualTo("ip");
        assertThat(properties.at("/destination/properties/port/type").asString()).isEqualTo("long");
        assertThat(properties.at("/@timestamp/type").asString()).isEqualTo("date");
        assertThat(properties.at("/event/properties/original/index").asBoolean(true)).isFalse();
        assertThat(properties.at("/ramparts/properties/sequence/type").asString()).isEqualTo("long");
        JsonNode dynamic = openSearch.get("/" + index + "/_mapping").path(index).path("mappings").path("dynamic_templates");
        assertThat(dynamic.toString()).contains("keyword");
    }

    @Test
    void retentionDeletesAnOldIndexAndKeepsANewOne() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String old = SETUP.indexPrefix() + "retention.check-" + today.minusDays(91).toString().replace('-', '.');
        String fresh = SETUP.indexPrefix() + "retention.check-" + today.minusDays(89).toString().replace('-', '.');
        assertThat(openSearch.status("PUT", "/" + old, null)).isEqualTo(200);
        assertThat(openSearch.status("PUT", "/" + fresh, null)).isEqualTo(200);

        List<String> deleted = retention.deleteExpired(today);

        assertThat(deleted).contains(old).doesNotContain(fresh);
        assertThat(openSearch.status("HEAD", "/" + old, null)).isEqualTo(404);
        assertThat(openSearch.status("HEAD", "/" + fresh, null)).isEqualTo(200);
    }
}
