package com.ramparts.soc.correlation;

import com.ramparts.detection.ioc.IndicatorLoader;
import com.ramparts.detection.load.RuleLoader;
import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.correlation.indicators.IndicatorCatalog;
import com.ramparts.soc.correlation.rules.RuleCatalog;
import com.ramparts.soc.correlation.stream.CorrelationEngine;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * IOC lists in the correlator, end to end on a real Kafka broker: the STIX and MISP fixtures of
 * soc/detection (src/test/resources/ioc, provenance in its README) in an indicator directory, the
 * correlator's Kafka Streams instance as soc runs it ({@link CorrelationEngine} with the rule and
 * indicator catalogs), events into {@code telemetry.events}, alerts read back from
 * {@code soc.alerts}; then a list added and a broken one dropped in while it runs, picked up by
 * the same {@code reloadIfChanged()} soc's watcher calls. (The Spring wiring — property, bean,
 * REST view, gauges — is {@link IndicatorsApiTest}.)
 */
class IndicatorCorrelationTest {

    static final Path FIXTURES = Path.of("../detection/src/test/resources/ioc");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String EVENTS = "i" + SUFFIX + ".telemetry.events";
    private static final String ALERTS = "i" + SUFFIX + ".soc.alerts";
    private static final String STIX_FEED = "ioc:vncert-2026-11";
    private static final String MISP_FEED = "ioc:ncsc-warning-2026-041";
    private static final String EICAR_MD5 = "44d88612fea8a8f36de82e1278abb02f";

    private static Path indicatorsDirectory;
    private static IndicatorCatalog indicators;
    private static CorrelationMetrics metrics;
    private static CorrelationEngine engine;
    private static Events events;
    private static AlertReader alerts;

    @BeforeAll
    static void startTheCorrelator() throws IOException, InterruptedException {
        TestKafka kafka = TestKafka.shared();
        kafka.createTopic(EVENTS, 2);
        kafka.createTopic(ALERTS, 2);
        Path work = Files.createTempDirectory("soc-ioc-test-");
        indicatorsDirectory = Files.createDirectories(work.resolve("ioc"));
        copyFixtures(indicatorsDirectory);
        RuleCatalog rules = new RuleCatalog(Files.createDirectories(work.resolve("rules")), RuleLoader.withDefaults());
        rules.reload();
        indicators = new IndicatorCatalog(indicatorsDirectory, IndicatorLoader.withDefaults());
        indicators.reload();
        metrics = new CorrelationMetrics(new SimpleMeterRegistry());
        engine = new CorrelationEngine(new CorrelationEngine.Settings(kafka.bootstrapServers(), "ioc-" + SUFFIX, EVENTS, ALERTS,
                work.resolve("state"), (short) 1, 1, Duration.ofMillis(200), Duration.ofSeconds(1),
                CorrelatorInstance.FAST_FAILOVER), rules::current, indicators::indicators, SiteDirectory.NONE, metrics,
                Clock.systemUTC());
        engine.start();
        events = new Events(EVENTS);
        alerts = new AlertReader(ALERTS);
        await().atMost(PATIENCE).until(() -> engine.state() == KafkaStreams.State.RUNNING);
    }

    static void copyFixtures(Path directory) throws IOException {
        Files.copy(FIXTURES.resolve("vncert-2026-11.stix.json"), directory.resolve("vncert-2026-11.stix.json"));
        Files.copy(FIXTURES.resolve("ncsc-warning-2026-041.misp.json"), directory.resolve("ncsc-warning-2026-041.misp.json"));
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        if (alerts != null) {
            alerts.close();
        }
        if (engine != null) {
            engine.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void aConnectionFromAListedC2AddressRaisesAnIndicatorAlertNamingIndicatorAndFeed() {
        TelemetryEvent hit = Events.denied("ward-ioc", 1, now(), "198.51.100.23", 443);
        TelemetryEvent expired = Events.denied("ward-ioc", 2, now(), "198.51.100.99", 443); // valid_until 2026-04-10
        TelemetryEvent clean = Events.denied("ward-ioc", 3, now(), "198.51.100.24", 443);
        double processed = metrics.processedCount();
        events.send(hit);
        events.send(expired);
        events.send(clean);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alertsFor(hit)).as(diagnostics()).isNotEmpty());
        AlertMessage alert = alertsFor(hit).getFirst();
        assertThat(alert.kind()).isEqualTo("indicator");
        assertThat(alert.ruleId()).isEqualTo(STIX_FEED);
        assertThat(alert.ruleVersion()).isEqualTo("2026-11-21T09:30:00.000Z");
        assertThat(alert.level()).isEqualTo("high");
        assertThat(alert.severity()).isEqualTo(4);
        assertThat(alert.title()).isEqualTo("Indicator 198.51.100.23 from vncert-2026-11: PlugX C2 server");
        assertThat(alert.groupKey())
                .containsEntry("threat.feed.name", "vncert-2026-11")
                .containsEntry("threat.indicator.id", "indicator--a932fcc6-e032-476c-826f-cb970a5a1ade")
                .containsEntry("threat.indicator.type", "ip")
                .containsEntry("threat.indicator.value", "198.51.100.23")
                .containsEntry("threat.indicator.matched.field", "source.ip")
                .containsEntry("threat.indicator.matched.atomic", "198.51.100.23")
                .containsEntry("threat.indicator.marking.tlp", "AMBER")
                .containsEntry("threat.indicator.confidence", "85")
                .containsEntry("threat.indicator.provider", "VNCERT/CC");
        assertThat(alert.tags()).containsExactly("ioc", "ioc.ip", "tlp:amber");
        assertThat(alert.siteId()).isEqualTo("ward-ioc");
        assertThat(alert.eventIds()).containsExactly(hit.id().toString());
        assertThat(alert.windowStart()).isEqualTo(hit.timestamp().toString());
        assertThat(alert.id()).hasSize(32);
        await().atMost(PATIENCE).until(() -> metrics.processedCount() >= processed + 3);
        assertThat(alertsFor(expired)).as("an expired indicator does not match").isEmpty();
        assertThat(alertsFor(clean)).isEmpty();
    }

    @Test
    void aQueryForASubdomainAndAKnownFileHashMatchTheMispEvent() {
        TelemetryEvent dns = Events.dnsQuery("ward-dns", 1, now(), "Negotiate.LockBit-Files.example");
        TelemetryEvent file = Events.malwareWithHash("ward-dns", 2, now(), EICAR_MD5);
        events.send(dns);
        events.send(file);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(alertsFor(dns)).as(diagnostics()).hasSize(2);
            assertThat(alertsFor(file)).hasSize(1);
        });
        assertThat(alertsFor(dns)).allSatisfy(a -> assertThat(a.ruleId()).isEqualTo(MISP_FEED))
                .extracting(a -> a.groupKey().get("threat.indicator.value"))
                .containsExactlyInAnyOrder("negotiate.lockbit-files.example", "lockbit-files.example");
        AlertMessage hash = alertsFor(file).getFirst();
        assertThat(hash.groupKey()).containsEntry("threat.indicator.value", EICAR_MD5)
                .containsEntry("threat.indicator.matched.field", "file.hash.md5")
                .containsEntry("threat.indicator.provider", "NCSC")
                .containsEntry("threat.indicator.marking.tlp", "GREEN");
        assertThat(hash.level()).as("threat_level_id 1").isEqualTo("high");
    }

    @Test
    void aReplayedEventYieldsTheSameAlertId() {
        TelemetryEvent hit = Events.denied("ward-replay", 1, now(), "203.0.113.9", 22); // in 203.0.113.0/25
        events.send(hit);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alertsFor(hit)).as(diagnostics()).hasSize(1));
        events.send(hit);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alertsFor(hit)).as(diagnostics()).hasSize(2));
        assertThat(alertsFor(hit)).extracting(AlertMessage::id).containsOnly(alertsFor(hit).getFirst().id());
    }

    @Test
    void aListAddedWhileRunningMatchesWithoutRestartAndABrokenOneIsReportedNotFatal() throws Exception {
        long generation = indicators.current().generation();
        Files.writeString(indicatorsDirectory.resolve("late-warning.csv"), """
                type,value,id,level,tlp,description
                ip,192.0.2.66,late-1,critical,red,Ransomware negotiation portal
                """);
        Files.writeString(indicatorsDirectory.resolve("broken.misp.json"), "{\"Event\": {\"Attribute\": [{\"type\": \"ip-dst\",");
        assertThat(indicators.reloadIfChanged()).isTrue();
        assertThat(indicators.reloadIfChanged()).as("nothing changed since").isFalse();
        assertThat(indicators.current().generation()).isEqualTo(generation + 1);
        assertThat(indicators.current().load().problems())
                .anySatisfy(p -> assertThat(p.toString()).contains("broken.misp.json:1:").contains("truncated"));

        TelemetryEvent hit = Events.denied("ward-late", 1, now(), "192.0.2.66", 445);
        TelemetryEvent old = Events.denied("ward-late", 2, now(), "198.51.100.23", 445);
        events.send(hit);
        events.send(old);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(alertsFor(hit)).as(diagnostics()).singleElement().satisfies(a -> {
                assertThat(a.ruleId()).isEqualTo("ioc:late-warning");
                assertThat(a.level()).isEqualTo("critical");
                assertThat(a.severity()).isEqualTo(5);
            });
            assertThat(alertsFor(old)).as("the other feeds still load").singleElement()
                    .satisfies(a -> assertThat(a.ruleId()).isEqualTo(STIX_FEED));
        });
    }

    /** What the correlator has done so far, for a failure message. */
    private static String diagnostics() {
        return "streams " + engine.state() + ", events processed " + metrics.processedCount() + ", undecodable "
                + metrics.undecodableCount() + ", alerts on the topic " + alerts.all().size() + ", indicators loaded "
                + indicators.indicators().size();
    }

    private static List<AlertMessage> alertsFor(TelemetryEvent event) {
        return alerts.all().stream().filter(a -> a.kind().equals("indicator"))
                .filter(a -> a.eventIds().contains(event.id().toString())).toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
