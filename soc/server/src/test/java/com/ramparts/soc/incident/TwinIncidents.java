package com.ramparts.soc.incident;

import com.ramparts.soc.correlation.alert.AlertMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two soc instances (two {@link Incidents} over two data sources of one database) receive the first alert of the same
 * groups at the same moment. A seam holds each instance after it decided that the group has no open incident and
 * before it claims the group, until the other instance has decided the same: without the database's constraint both
 * would open an incident. Shared by the H2 and PostgreSQL tests.
 */
final class TwinIncidents {

    private static final int GROUPS = 12;

    private TwinIncidents() {
    }

    static void bothInstancesDecideToOpenAndOnlyOneIncidentResults(Incidents first, Incidents second, DataSource database) throws Exception {
        Map<String, CountDownLatch> meet = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
        AtomicInteger bothDecidedToOpen = new AtomicInteger();
        java.util.function.Consumer<String> hold = key -> {
            // the first decision of each instance waits for the other's; retries (after losing) pass straight on
            if (arrivals.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 2) {
                return;
            }
            CountDownLatch latch = meet.computeIfAbsent(key, k -> new CountDownLatch(2));
            latch.countDown();
            try {
                if (latch.await(20, TimeUnit.SECONDS)) {
                    bothDecidedToOpen.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        first.beforeClaim(hold);
        second.beforeClaim(hold);
        String run = "twin-" + System.nanoTime();
        Instant at = Alerts.T0.plus(Duration.ofDays(30));
        List<Future<Incidents.Outcome>> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * GROUPS);
        try {
            for (int g = 0; g < GROUPS; g++) {
                String site = run + "-" + g;
                AlertMessage one = Alerts.alert("brute-force", 4, site, "unit-a", at);
                AlertMessage two = Alerts.alert("password-spray", 5, site, "unit-a", at.plusSeconds(5));
                outcomes.add(pool.submit(() -> first.ingest(one)));
                outcomes.add(pool.submit(() -> second.ingest(two)));
            }
            List<Incidents.Outcome> results = new ArrayList<>();
            for (Future<Incidents.Outcome> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            // every group really raced: both instances had decided to open before either claimed
            assertThat(bothDecidedToOpen.get()).isEqualTo(2 * GROUPS);
            assertThat(results).filteredOn(o -> o == Incidents.Outcome.CREATED).hasSize(GROUPS);
            assertThat(results).filteredOn(o -> o == Incidents.Outcome.JOINED).hasSize(GROUPS);
        } finally {
            pool.shutdownNow();
            first.beforeClaim(null);
            second.beforeClaim(null);
        }
        JdbcClient jdbc = JdbcClient.create(database);
        for (int g = 0; g < GROUPS; g++) {
            String site = run + "-" + g;
            List<Map<String, Object>> rows = jdbc.sql("select id, alert_count, severity from incident where site_id = ?")
                    .param(site).query().listOfRows();
            assertThat(rows).as("incidents of " + site).hasSize(1);
            assertThat(((Number) rows.getFirst().get("alert_count")).intValue()).isEqualTo(2);
            assertThat(((Number) rows.getFirst().get("severity")).intValue()).isEqualTo(5);
            long id = ((Number) rows.getFirst().get("id")).longValue();
            assertThat(jdbc.sql("select count(*) from incident_alert where incident_id = ?").param(id).query(Long.class).single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("select incident_id from incident_open_group where group_key like ?").param("prod|site:" + site + "|%")
                    .query(Long.class).list()).containsExactly(id);
        }
    }

    /** Closing frees the group: the next alert opens a new incident, which holds the group from then on. */
    static void closingFreesTheGroupForTheNextIncident(Incidents incidents, DataSource database) {
        String site = "twin-close-" + System.nanoTime();
        Instant at = Alerts.T0.plus(Duration.ofDays(40));
        incidents.ingest(Alerts.alert("brute-force", 3, site, "unit-a", at));
        long first = incidents.list(new IncidentFilter(null, null, site, null, 0, 5)).items().getFirst().id();
        incidents.transition(first, "analyst", IncidentStatus.FALSE_POSITIVE, null);
        JdbcClient jdbc = JdbcClient.create(database);
        assertThat(jdbc.sql("select count(*) from incident_open_group where incident_id = ?").param(first).query(Long.class).single())
                .isZero();
        assertThat(incidents.ingest(Alerts.alert("brute-force", 3, site, "unit-a", at.plusSeconds(10))))
                .isEqualTo(Incidents.Outcome.CREATED);
        List<Incident> both = incidents.list(new IncidentFilter(null, null, site, null, 0, 5)).items();
        assertThat(both).hasSize(2);
        long second = both.stream().mapToLong(Incident::id).max().orElseThrow();
        assertThat(jdbc.sql("select incident_id from incident_open_group where group_key like ?").param("prod|site:" + site + "|%")
                .query(Long.class).list()).containsExactly(second);
        // past the window, the group's slot moves to the newer incident while the older one stays open
        incidents.ingest(Alerts.alert("brute-force", 3, site, "unit-a", at.plus(Duration.ofHours(5))));
        long third = incidents.list(new IncidentFilter(null, null, site, null, 0, 5)).items().stream()
                .mapToLong(Incident::id).max().orElseThrow();
        assertThat(third).isGreaterThan(second);
        assertThat(jdbc.sql("select incident_id from incident_open_group where group_key like ?").param("prod|site:" + site + "|%")
                .query(Long.class).list()).containsExactly(third);
    }
}
