package com.ramparts.soc.correlation;

import com.ramparts.runtime.secrets.AdminCredentials;
import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.rules.RuleCatalog;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The correlator inside soc, on a real Kafka broker, with the test rules in src/test/resources/correlation/rules. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorrelationServiceTest {

    static final String PORT_SCAN = "7c5a0000-0001-4000-8000-000000000002";
    static final String MALWARE_THEN_BACKUP_DELETION = "7c5a0000-0002-4000-8000-000000000003";
    static final String EXPLOIT = "7c5a0000-0003-4000-8000-000000000001";
    static final String SOURCE_SILENT = "7c5a0000-0009-4000-8000-000000000001";
    static final String HEARTBEAT_MISSING = "7c5a0000-0009-4000-8000-000000000002";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String EVENTS = "c" + SUFFIX + ".telemetry.events";
    private static final String ALERTS = "c" + SUFFIX + ".soc.alerts";
    private static final Path DATA = temporaryDirectory("soc-correlation-test-");
    private static final Path RULES = DATA.resolve("rules");

    static Events events;
    static AlertReader alerts;

    @Autowired
    CorrelationService service;
    @Autowired
    RuleCatalog catalog;
    @Autowired
    SiteRegistry sites;
    @Autowired
    CorrelationMetrics metrics;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        copyTestRules();
        registry.add("ramparts.soc.data-dir", DATA::toString);
        registry.add("ramparts.soc.admin-credentials-file", () -> DATA.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
        registry.add("ramparts.soc.kafka.topics.events.name", () -> EVENTS);
        registry.add("ramparts.soc.kafka.topics.events.partitions", () -> "3");
        registry.add("ramparts.soc.kafka.topics.alerts.name", () -> ALERTS);
        registry.add("ramparts.soc.kafka.topics.dead-letter.name", () -> "c" + SUFFIX + ".telemetry.dead-letter");
        registry.add("ramparts.soc.kafka.topics.pki-audit.name", () -> "c" + SUFFIX + ".pki.audit");
        registry.add("ramparts.soc.ingest.enabled", () -> "false");
        registry.add("ramparts.soc.correlation.enabled", () -> "true");
        registry.add("ramparts.soc.correlation.application-id", () -> "correlator-" + SUFFIX);
        registry.add("ramparts.soc.correlation.rules-path", RULES::toString);
        registry.add("ramparts.soc.correlation.reload-interval", () -> "200ms");
        registry.add("ramparts.soc.correlation.punctuation-interval", () -> "200ms");
        registry.add("ramparts.soc.correlation.allowed-lateness", () -> "1s");
    }

    @BeforeAll
    static void clients() {
        TestKafka.shared().createTopic(EVENTS, 3);
        TestKafka.shared().createTopic(ALERTS, 3);
        events = new Events(EVENTS);
        alerts = new AlertReader(ALERTS);
    }

    @AfterAll
    static void closeClients() {
        events.close();
        alerts.close();
    }

    @BeforeEach
    void correlatorIsRunning() {
        await().atMost(PATIENCE).until(service::isCorrelating);
    }

    @Test
    void aPortScanFiresOnceWithTheEventsThatMadeIt() {
        Instant start = now();
        List<TelemetryEvent> scan = new ArrayList<>();
        for (int port = 1; port <= 12; port++) {
            scan.add(Events.denied("ward-scan", port, start.plusSeconds(port), "203.0.113.7", 1000 + port));
        }
        scan.forEach(events::send);
        events.send(Events.idsAlert("ward-scan", 1, start.plusSeconds(13), "ET EXPLOIT sentinel")); // same partition, after the scan

        await().atMost(PATIENCE).until(() -> alerts.byRule(EXPLOIT).stream().anyMatch(a -> a.siteId().equals("ward-scan")));
        List<AlertMessage> fired = alerts.byRule(PORT_SCAN).stream()
                .filter(a -> "203.0.113.7".equals(a.groupKey().get("source.ip"))).toList();
        assertThat(fired).hasSize(1);
        AlertMessage alert = fired.getFirst();
        assertThat(alert.kind()).isEqualTo("correlation");
        assertThat(alert.correlationType()).isEqualTo("value_count");
        assertThat(alert.ruleVersion()).isEqualTo("2026-11-20");
        assertThat(alert.title()).isEqualTo("Port scan from one source");
        assertThat(alert.level()).isEqualTo("medium");
        assertThat(alert.severity()).isEqualTo(3);
        assertThat(alert.techniques()).containsExactly("T1046");
        assertThat(alert.value()).isEqualTo(10);
        assertThat(alert.eventCount()).isEqualTo(10);
        assertThat(alert.eventIds()).containsExactlyElementsOf(scan.subList(0, 10).stream().map(e -> e.id().toString()).toList());
        assertThat(alert.windowStart()).isEqualTo(start.plusSeconds(1).toString());
        assertThat(alert.windowEnd()).isEqualTo(start.plusSeconds(10).toString());
        assertThat(alert.siteId()).isEqualTo("ward-scan");
        assertThat(alert.id()).hasSize(32);
    }

    @Test
    void malwareFollowedByBackupDeletionOnOneSiteFires() {
        Instant start = now();
        TelemetryEvent malware = Events.malware("ward-av", 1, start);
        TelemetryEvent forgotten = Events.snapshotsForgotten("ward-av", 1, start.plus(Duration.ofMinutes(12)));
        TelemetryEvent elsewhere = Events.snapshotsForgotten("ward-other", 1, start.plus(Duration.ofMinutes(12)));
        events.send(malware);
        events.send(elsewhere);
        events.send(forgotten);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alerts.byRule(MALWARE_THEN_BACKUP_DELETION)).isNotEmpty());
        List<AlertMessage> fired = alerts.byRule(MALWARE_THEN_BACKUP_DELETION);
        assertThat(fired).hasSize(1);
        AlertMessage alert = fired.getFirst();
        assertThat(alert.correlationType()).isEqualTo("temporal_ordered");
        assertThat(alert.groupKey()).containsEntry("ramparts.site_id", "ward-av");
        assertThat(alert.siteId()).isEqualTo("ward-av");
        assertThat(alert.level()).isEqualTo("critical");
        assertThat(alert.techniques()).containsExactly("T1490");
        assertThat(alert.eventIds()).containsExactly(malware.id().toString(), forgotten.id().toString());
        assertThat(alert.windowStart()).isEqualTo(start.toString());
        assertThat(alert.windowEnd()).isEqualTo(forgotten.timestamp().toString());
    }

    @Test
    void aDetectionRuleAlertsAtOnceAndRecordsThatAreNotEventsAreSkippedAndCounted() {
        double undecodable = metrics.undecodableCount();
        events.send("ward-ids", "{not an event".getBytes(StandardCharsets.UTF_8));
        TelemetryEvent exploit = Events.idsAlert("ward-ids", 7, now(), "ET EXPLOIT Apache Struts RCE");
        events.send(exploit);
        TelemetryEvent scan = Events.idsAlert("ward-ids", 8, now(), "ET SCAN Nmap"); // matches no rule
        events.send(scan);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alerts.byRule(EXPLOIT))
                .anyMatch(a -> a.eventIds().equals(List.of(exploit.id().toString()))));
        AlertMessage alert = alerts.byRule(EXPLOIT).stream()
                .filter(a -> a.eventIds().equals(List.of(exploit.id().toString()))).findFirst().orElseThrow();
        assertThat(alert.kind()).isEqualTo("detection");
        assertThat(alert.correlationType()).isNull();
        assertThat(alert.ruleVersion()).isEqualTo("2026-11-19");
        assertThat(alert.techniques()).containsExactly("T1190");
        assertThat(alert.siteId()).isEqualTo("ward-ids");
        assertThat(alert.windowStart()).isEqualTo(exploit.timestamp().toString());
        assertThat(alerts.all()).noneMatch(a -> a.eventIds().contains(scan.id().toString()));
        assertThat(metrics.undecodableCount()).isEqualTo(undecodable + 1);
    }

    @Test
    void aSilentExpectedSourceAndAMissingHeartbeatRaiseAbsenceAlerts() {
        sites.save(new Site("ward-quiet", "d3-ward-quiet", "Phường Yên Tĩnh", List.of("suricata.eve"), List.of()));
        TelemetryEvent last = Events.idsAlert("ward-quiet", 1, now(), "ET SCAN Nmap");
        TelemetryEvent heartbeat = Events.heartbeat("ward-quiet", 1, now());
        events.send(last);
        events.send(heartbeat);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(alerts.byRule(SOURCE_SILENT)).anyMatch(a -> "ward-quiet".equals(a.siteId()));
            assertThat(alerts.byRule(HEARTBEAT_MISSING)).anyMatch(a -> "ward-quiet".equals(a.siteId()));
        });
        AlertMessage silent = alerts.byRule(SOURCE_SILENT).stream().filter(a -> "ward-quiet".equals(a.siteId())).findFirst().orElseThrow();
        assertThat(silent.kind()).isEqualTo("absence");
        assertThat(silent.groupKey()).containsEntry("ramparts.site_id", "ward-quiet").containsEntry("event.dataset", "suricata.eve");
        assertThat(silent.unitId()).isEqualTo("d3-ward-quiet");
        assertThat(silent.eventIds()).containsExactly(last.id().toString());
        assertThat(silent.windowStart()).isEqualTo(last.timestamp().toString());
        assertThat(silent.windowEnd()).isEqualTo(last.timestamp().plusSeconds(3).toString());
        assertThat(silent.value()).isGreaterThanOrEqualTo(3);
        AlertMessage missing = alerts.byRule(HEARTBEAT_MISSING).stream().filter(a -> "ward-quiet".equals(a.siteId())).findFirst().orElseThrow();
        assertThat(missing.eventIds()).containsExactly(heartbeat.id().toString());
        assertThat(alerts.all()).as("a heartbeat feeds the absence rule and raises no alert of its own")
                .noneMatch(a -> a.eventIds().contains(heartbeat.id().toString()) && a.kind().equals("detection"));
        assertThat(alerts.byRule(SOURCE_SILENT).stream().filter(a -> "ward-quiet".equals(a.siteId()))).as("one alert per silence").hasSize(1);
    }

    @Test
    void brokenRulesAreReportedWithFileLineAndColumnAndTheOthersRun() throws Exception {
        HttpResponse<String> response = get("/api/v1/rules/problems", true);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        List<String> problems = new ArrayList<>();
        body.path("problems").forEach(p -> problems.add(p.path("text").asString()));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("broken.yml:7:").contains("nosuchmodifier"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("broken.absence.yml:6:").contains("soon"));
        assertThat(body.path("detectionRules").asInt()).isEqualTo(catalog.current().ruleSet().size()).isGreaterThanOrEqualTo(5);
        assertThat(body.path("absenceRules").asInt()).isEqualTo(2);
        assertThat(meters.get("ramparts.soc.rules.problems").gauge().value()).isEqualTo(problems.size());
        assertThat(get("/api/v1/rules/problems", false).statusCode()).isEqualTo(401);
    }

    @Test
    void aRuleAddedToTheDirectoryRunsWithoutRestartAndOpenWindowsSurviveTheReload() throws Exception {
        Instant start = now();
        List<TelemetryEvent> scan = new ArrayList<>();
        for (int port = 1; port <= 10; port++) {
            scan.add(Events.denied("ward-reload", 100 + port, start.plusSeconds(port), "192.0.2.44", 2000 + port));
        }
        double processed = metrics.processedCount();
        scan.subList(0, 6).forEach(events::send);
        await().atMost(PATIENCE).until(() -> metrics.processedCount() >= processed + 6);
        long generation = catalog.current().generation();

        Files.writeString(RULES.resolve("added.yml"), """
                title: Backup repository wiped
                id: 7c5a0000-00aa-4000-8000-000000000001
                logsource: {category: backup}
                detection:
                  sel:
                    event.action: wipe
                  condition: sel
                level: critical
                """);
        await().atMost(PATIENCE).until(() -> catalog.current().generation() > generation);
        TelemetryEvent wiped = Events.wiped("ward-reload", 1, start);
        events.send(wiped);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alerts.byRule("7c5a0000-00aa-4000-8000-000000000001"))
                .anyMatch(a -> a.eventIds().equals(List.of(wiped.id().toString()))));

        scan.subList(6, 10).forEach(events::send);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alerts.byRule(PORT_SCAN))
                .anyMatch(a -> "192.0.2.44".equals(a.groupKey().get("source.ip"))));
        AlertMessage alert = alerts.byRule(PORT_SCAN).stream()
                .filter(a -> "192.0.2.44".equals(a.groupKey().get("source.ip"))).findFirst().orElseThrow();
        assertThat(alert.eventIds()).containsExactlyElementsOf(scan.stream().map(e -> e.id().toString()).toList());
    }

    private HttpResponse<String> get(String path, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authenticated) {
            AdminCredentials admin = AdminCredentials.loadOrCreate(DATA.resolve("secrets/admin-credentials")).credentials();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void copyTestRules() {
        try {
            Path source = Path.of("src/test/resources/correlation/rules");
            Files.createDirectories(RULES);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, RULES.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
