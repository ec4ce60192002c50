package com.ramparts.soc.web;

import com.ramparts.soc.account.Accounts;
import com.ramparts.soc.account.Role;
import com.ramparts.soc.index.EventIndices;
import com.ramparts.soc.index.IndexNames;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import com.ramparts.testsupport.TestOpenSearch;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cast the dashboard tests share, written once per context:
 * <ul>
 *   <li>accounts: one per role, two requesters of different units;</li>
 *   <li>sites: {@code ward-1} (unit-a, online, all sources fresh), {@code ward-2} (unit-a, silent: its
 *   expected restic.backup never came), {@code district-9} (unit-b, offline: last event 3 hours ago),
 *   {@code ward-new} (unit-b, never seen);</li>
 *   <li>events: Suricata alerts and firewall events of unit-a, alerts of unit-b, and events from an
 *   unregistered site, written into the event indices as the indexer would (same template, names, ids).</li>
 * </ul>
 */
public final class DashboardFixtures {

    public static final String ANALYST = "analyst";
    public static final String RA = "ra-officer";
    public static final String REQUESTER_A = "requester-a";
    public static final String REQUESTER_B = "requester-b";
    public static final String DRILLS = "drills";
    public static final String ADMIN = "admin2";
    public static final String LOCKED = "locky";

    static final List<Site> SITES = List.of(
            new Site("ward-1", "unit-a", "Phường Bến Nghé", List.of("suricata.eve", "iptables.log"), List.of()),
            new Site("ward-2", "unit-a", "Phường Đa Kao", List.of("suricata.eve", "restic.backup"), List.of()),
            new Site("district-9", "unit-b", "UBND Quận 9", List.of("suricata.eve"), List.of()),
            new Site("ward-new", "unit-b", "Phường Mới", List.of("suricata.eve"), List.of()));

    /** Written once per JVM; every test reads it, none changes it. */
    private static final List<TelemetryEvent> EVENTS = new ArrayList<>();
    private static boolean written;

    private DashboardFixtures() {
    }

    public static synchronized void ensure(Accounts accounts, SiteRegistry sites, EventIndices indices) {
        if (written) {
            return;
        }
        String actor = "test";
        accounts.save(ANALYST, DashboardTestContext.PASSWORD, Set.of(Role.ANALYST), null, actor);
        accounts.save(RA, DashboardTestContext.PASSWORD, Set.of(Role.RA_OFFICER), null, actor);
        accounts.save(REQUESTER_A, DashboardTestContext.PASSWORD, Set.of(Role.REQUESTER), "unit-a", actor);
        accounts.save(REQUESTER_B, DashboardTestContext.PASSWORD, Set.of(Role.REQUESTER), "unit-b", actor);
        accounts.save(DRILLS, DashboardTestContext.PASSWORD, Set.of(Role.DRILL_COORDINATOR), null, actor);
        accounts.save(ADMIN, DashboardTestContext.PASSWORD, Set.of(Role.ADMIN), null, actor);
        accounts.save(LOCKED, DashboardTestContext.PASSWORD, Set.of(Role.ANALYST), null, actor);
        SITES.forEach(sites::save);
        indices.applyTemplate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 12; i++) {
            EVENTS.add(alert("ward-1", "unit-a", "agent-w1", i, now.minus(Duration.ofMinutes(2L * i + 1)), "ET SCAN Nmap"));
        }
        for (int i = 0; i < 5; i++) {
            EVENTS.add(firewall("ward-1", "unit-a", "agent-w1", 100 + i, now.minus(Duration.ofMinutes(i + 1))));
        }
        EVENTS.add(alert("ward-2", "unit-a", "agent-w2", 1, now.minus(Duration.ofMinutes(1)), "ET POLICY curl User-Agent"));
        for (int i = 0; i < 4; i++) {
            EVENTS.add(alert("district-9", "unit-b", "agent-d9", i, now.minus(Duration.ofHours(3)).minusSeconds(i), "ET EXPLOIT secret of unit b"));
        }
        EVENTS.add(alert("ward-ghost", null, "agent-g", 1, now.minus(Duration.ofMinutes(5)), "ET SCAN ghost"));
        bulk(indices.names(), EVENTS);
        written = true;
    }

    public static List<TelemetryEvent> events() {
        return List.copyOf(EVENTS);
    }

    public static List<TelemetryEvent> eventsOf(String unitId) {
        return EVENTS.stream().filter(e -> e.origin().unitId().map(unitId::equals).orElse(false)).toList();
    }

    static TelemetryEvent alert(String site, String unit, String agent, long sequence, Instant at, String rule) {
        Origin origin = Origin.of(site, new EventId(agent, "suricata-eve", sequence));
        return TelemetryEvent.builder()
                .timestamp(at)
                .origin(unit == null ? origin : origin.withUnit(unit))
                .original("{\"event_type\":\"alert\",\"src_ip\":\"10.20.0.7\",\"alert\":{\"signature\":\"" + rule + "\"}}")
                .put(Ecs.EVENT_KIND, Ecs.Kind.ALERT)
                .put(Ecs.EVENT_DATASET, "suricata.eve")
                .put(Ecs.EVENT_CATEGORY, List.of("network", "intrusion_detection"))
                .put(Ecs.SOURCE_IP, "10.20.0.7")
                .put(Ecs.SOURCE_PORT, 51000 + sequence)
                .put(Ecs.DESTINATION_IP, "10.20.0.5")
                .put(Ecs.DESTINATION_PORT, 443L)
                .put(Ecs.RULE_NAME, rule)
                .put(Ecs.MESSAGE, "Suricata alert: " + rule)
                .build();
    }

    static TelemetryEvent firewall(String site, String unit, String agent, long sequence, Instant at) {
        return TelemetryEvent.builder()
                .timestamp(at)
                .origin(Origin.of(site, new EventId(agent, "iptables", sequence)).withUnit(unit))
                .original("IN=eth0 OUT= SRC=203.0.113.9 DST=10.20.0.5 PROTO=TCP SPT=40000 DPT=22")
                .put(Ecs.EVENT_KIND, Ecs.Kind.EVENT)
                .put(Ecs.EVENT_DATASET, "iptables.log")
                .put(Ecs.EVENT_ACTION, "drop")
                .put(Ecs.SOURCE_IP, "203.0.113.9")
                .put(Ecs.DESTINATION_IP, "10.20.0.5")
                .put(Ecs.DESTINATION_PORT, 22L)
                .put(Ecs.MESSAGE, "firewall dropped ssh from 203.0.113.9")
                .build();
    }

    /** As the indexer writes: action create, _id = event id, index from IndexNames; refreshed so searches see them. */
    private static void bulk(IndexNames names, List<TelemetryEvent> events) {
        TelemetryJson json = new TelemetryJson();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (TelemetryEvent event : events) {
            String action = "{\"create\":{\"_index\":\"" + names.indexFor(event) + "\",\"_id\":\"" + event.id() + "\"}}\n";
            body.writeBytes(action.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(json.write(event));
            body.write('\n');
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(TestOpenSearch.shared().httpUri() + "/_bulk?refresh=true"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
                throw new IllegalStateException("bulk failed: " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot index the dashboard fixtures", e);
        }
    }
}
