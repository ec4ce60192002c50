package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.unit.CertificateState;
import com.ramparts.soc.unit.Unit;
import com.ramparts.soc.unit.UnitCertificate;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A load harness, not a test (off unless {@code -Dramparts.bench=true}; it asserts nothing about time): how fast
 * agent-format events are observed and merged into PostgreSQL per batch, and how long judging a city of
 * 2,000 sites and 20,000 workstations takes. Figures and the command: docs/BENCHMARKS.md.
 */
@EnabledIfSystemProperty(named = "ramparts.bench", matches = "true")
class PostureLoadHarness {

    static final int SITES = 2_000;
    static final int HOSTS_PER_SITE = 10;
    static final int BATCH = 2_000;
    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    @Test
    void measure() {
        TestPostgres.Schema schema = TestPostgres.newSchema();
        DataSource data = schema.dataSource();
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        PostureStore store = new PostureStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)));
        SocProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "ramparts.soc.kafka.topics.events.name", "e", "ramparts.soc.kafka.topics.dead-letter.name", "d",
                "ramparts.soc.kafka.topics.alerts.name", "a", "ramparts.soc.kafka.topics.pki-audit.name", "p")))
                .bindOrCreate("ramparts.soc", SocProperties.class);
        Observations observations = new Observations(properties.posture());

        // real-format events: the agent's parsers over its fixtures, re-stamped for each site (and host)
        AgentTelemetry.Agent agent = new AgentTelemetry.Agent("s0", "U0", "a0");
        List<TelemetryEvent> perSite = new ArrayList<>();
        perSite.addAll(AgentTelemetry.parse(agent, "iptables", "iptables/kern-rfc3339.log", NOW));
        perSite.addAll(AgentTelemetry.parse(agent, "restic", "restic/backup.jsonl", NOW));
        perSite.add(AgentTelemetry.heartbeat(agent, NOW));
        List<TelemetryEvent> perHost = AgentTelemetry.parse(agent, "windows-defender", "defender/defender-events.json", NOW);
        // warm-up on a tenth, then the measured pass over every site (the warm-up's share is a replay: same merges)
        run(store, observations, perSite, perHost, SITES / 10);
        long start = System.nanoTime();
        long count = run(store, observations, perSite, perHost, SITES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("posture merge: %d events in %.2f s = %.0f events/s (batches of %d, %d sites x %d workstations, PostgreSQL)%n",
                count, seconds, count / seconds, BATCH, SITES, HOSTS_PER_SITE);

        List<Site> sites = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        for (int s = 0; s < SITES; s++) {
            sites.add(new Site("site-" + s, "unit-" + (s / 4), "Site " + s, List.of(), List.of()));
        }
        for (int u = 0; u < SITES / 4; u++) {
            units.add(new Unit("unit-" + u, "Unit " + u, null, "D-" + (u % 24), "D-" + (u % 24), null,
                    new UnitCertificate(CertificateState.VALID, "1", NOW.plus(Duration.ofDays(400))), NOW));
        }
        PostureCalculator calculator = new PostureCalculator(properties.posture());
        int rounds = 20;
        long judged = 0;
        for (int i = 0; i < rounds + 5; i++) {
            long t = System.nanoTime();
            List<SiteState> states = store.sites();
            List<HostState> hosts = store.hosts(NOW.minus(Duration.ofDays(30)));
            PosturePicture picture = calculator.judge(NOW, sites, states, hosts, units);
            if (i >= 5) {
                judged += System.nanoTime() - t;
            }
            if (picture.sites().size() != SITES) {
                throw new IllegalStateException("expected " + SITES + " sites");
            }
        }
        System.out.printf("posture judgement: %d sites, %d hosts, %d units: %.1f ms per picture (read from PostgreSQL + judge, mean of %d)%n",
                SITES, store.hosts(NOW.minus(Duration.ofDays(30))).size(), units.size(), judged / 1e6 / rounds, rounds);
    }

    /** Observes and merges the events of {@code siteCount} sites in batches of {@link #BATCH}; returns how many. */
    private static long run(PostureStore store, Observations observations, List<TelemetryEvent> perSite, List<TelemetryEvent> perHost,
                            int siteCount) {
        long count = 0;
        PostureBatch batch = new PostureBatch();
        int inBatch = 0;
        for (int index = 0; index < siteCount; index++) {
            final int s = index;
            String site = "site-" + s;
            List<TelemetryEvent> events = new ArrayList<>();
            perSite.forEach(e -> events.add(at(e, site, s, null)));
            for (int h = 0; h < HOSTS_PER_SITE; h++) {
                String prefix = "ws-" + h + "-";
                perHost.forEach(e -> events.add(at(e, site, s, prefix)));
            }
            for (TelemetryEvent e : events) {
                observations.observe(e, NOW, batch);
                count++;
                if (++inBatch == BATCH) {
                    store.apply(batch, NOW);
                    batch = new PostureBatch();
                    inBatch = 0;
                }
            }
        }
        store.apply(batch, NOW);
        return count;
    }

    private static TelemetryEvent at(TelemetryEvent e, String site, int s, String hostPrefix) {
        var origin = new com.ramparts.telemetry.event.Origin(site, java.util.Optional.of("unit-" + (s / 4)), e.origin().eventId(),
                java.util.Optional.empty());
        TelemetryEvent.Builder b = TelemetryEvent.builder().timestamp(e.timestamp()).origin(origin);
        e.original().ifPresent(b::original);
        String host = e.fields().string("host.name").orElse(null);
        e.fields().forEach((name, value) -> {
            if (hostPrefix == null || !name.equals("host.name")) {
                b.put(name, value);
            }
        });
        if (hostPrefix != null && host != null) {
            b.put("host.name", hostPrefix + host);
        }
        return b.build();
    }
}
