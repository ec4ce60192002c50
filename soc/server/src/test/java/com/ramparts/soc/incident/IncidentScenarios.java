package com.ramparts.soc.incident;

import java.time.Duration;
import java.util.Map;

import static com.ramparts.soc.incident.Alerts.T0;
import static com.ramparts.soc.incident.Alerts.alert;
import static com.ramparts.soc.incident.Alerts.drill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What incident management must do on any database: run against H2 and PostgreSQL. */
final class IncidentScenarios {

    private IncidentScenarios() {
    }

    static void groupsRelatedAlertsAndSuppressesRepeats(Incidents incidents) {
        String site = "site-" + System.nanoTime();
        assertThat(incidents.ingest(alert("brute-force", 3, site, "unit-a", T0))).isEqualTo(Incidents.Outcome.CREATED);
        for (int i = 1; i <= 20; i++) {
            assertThat(incidents.ingest(alert("brute-force", 3, site, "unit-a", T0.plusSeconds(60L * i))))
                    .isEqualTo(Incidents.Outcome.SUPPRESSED);
        }
        // same rule group: joins; more severe: raises the incident's severity
        assertThat(incidents.ingest(alert("password-spray", 5, site, "unit-a", T0.plusSeconds(1300))))
                .isEqualTo(Incidents.Outcome.JOINED);
        // unrelated rule, other site, other host: incidents of their own
        assertThat(incidents.ingest(alert("port-scan", 2, site, "unit-a", T0))).isEqualTo(Incidents.Outcome.CREATED);
        assertThat(incidents.ingest(alert("brute-force", 3, site + "-b", "unit-a", T0))).isEqualTo(Incidents.Outcome.CREATED);
        assertThat(incidents.ingest(alert("x" + System.nanoTime(), "brute-force", 3, site, "unit-a", T0, null,
                Map.of("host.name", "WS-1")))).isEqualTo(Incidents.Outcome.CREATED);
        // after the window: a new incident
        assertThat(incidents.ingest(alert("brute-force", 3, site, "unit-a", T0.plus(Duration.ofHours(3)))))
                .isEqualTo(Incidents.Outcome.CREATED);

        IncidentPage page = incidents.list(new IncidentFilter(null, null, site, null, 0, 50));
        assertThat(page.total()).isEqualTo(4);
        Incident grouped = page.items().getFirst();
        assertThat(grouped.severity()).isEqualTo(5);
        assertThat(grouped.alertCount()).isEqualTo(22);
        assertThat(grouped.suppressedCount()).isEqualTo(20);
        assertThat(grouped.status()).isEqualTo(IncidentStatus.NEW);
        IncidentDetail detail = incidents.find(grouped.id()).orElseThrow();
        assertThat(detail.alerts()).hasSize(22);
        assertThat(detail.history()).extracting(HistoryEntry::action).containsExactly("CREATED", "SEVERITY_RAISED");
        assertThat(incidents.list(new IncidentFilter(null, 5, site, null, 0, 50)).total()).isEqualTo(1);
        assertThat(incidents.list(new IncidentFilter(null, null, site, null, 1, 3)).items()).hasSize(1);
    }

    static void duplicateAlertChangesNothing(Incidents incidents) {
        String site = "site-" + System.nanoTime();
        var first = alert("brute-force", 4, site, "unit-a", T0);
        incidents.ingest(first);
        long id = incidents.list(new IncidentFilter(null, null, site, null, 0, 10)).items().getFirst().id();
        IncidentDetail before = incidents.find(id).orElseThrow();
        assertThat(incidents.ingest(first)).isEqualTo(Incidents.Outcome.DUPLICATE);
        assertThat(incidents.find(id).orElseThrow()).isEqualTo(before);
    }

    static void drillsStayApartFromProduction(Incidents incidents) {
        String site = "site-" + System.nanoTime();
        incidents.ingest(alert("brute-force", 3, site, "unit-a", T0));
        incidents.ingest(drill("brute-force", 3, site, "unit-a", T0.plusSeconds(5), "ex-1"));
        incidents.ingest(drill("brute-force", 3, site, "unit-a", T0.plusSeconds(6), "ex-1"));
        incidents.ingest(drill("brute-force", 3, site, "unit-a", T0.plusSeconds(7), "ex-2"));
        var items = incidents.list(new IncidentFilter(null, null, site, null, 0, 10)).items();
        assertThat(items).extracting(Incident::exerciseId).containsExactlyInAnyOrder(null, "ex-1", "ex-2");
        assertThat(items).filteredOn(i -> "ex-1".equals(i.exerciseId())).singleElement()
                .extracting(Incident::alertCount).isEqualTo(2);
        assertThat(items).filteredOn(i -> i.exerciseId() == null).singleElement()
                .extracting(Incident::alertCount).isEqualTo(1);
    }

    static void lifecycle(Incidents incidents) {
        String site = "site-" + System.nanoTime();
        incidents.ingest(alert("brute-force", 4, site, "unit-a", T0));
        long id = incidents.list(new IncidentFilter(null, null, site, null, 0, 10)).items().getFirst().id();

        illegal(incidents, id, IncidentStatus.CONTAINED);
        illegal(incidents, id, IncidentStatus.RESOLVED);
        Incident acknowledged = incidents.acknowledge(id, "an-analyst", "on it");
        assertThat(acknowledged.owner()).isEqualTo("an-analyst");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        illegal(incidents, id, IncidentStatus.ACKNOWLEDGED);
        assertThat(incidents.assign(id, "an-analyst", "other-analyst").owner()).isEqualTo("other-analyst");
        incidents.transition(id, "other-analyst", IncidentStatus.INVESTIGATING, null);
        incidents.note(id, "other-analyst", "isolated WS-1 by phone");
        assertThatThrownBy(() -> incidents.note(id, "x", "n".repeat(Incidents.MAX_NOTE + 1)))
                .isInstanceOfSatisfying(IncidentException.class, e -> assertThat(e.code()).isEqualTo(IncidentException.Code.NOTE_TOO_LONG));
        incidents.transition(id, "other-analyst", IncidentStatus.CONTAINED, null);
        illegal(incidents, id, IncidentStatus.INVESTIGATING);
        Incident resolved = incidents.transition(id, "other-analyst", IncidentStatus.RESOLVED, "reimaged");
        assertThat(resolved.closedAt()).isNotNull();
        assertThat(resolved.next()).isEmpty();
        illegal(incidents, id, IncidentStatus.FALSE_POSITIVE);

        assertThat(incidents.find(id).orElseThrow().history())
                .extracting(h -> h.actor() + ":" + h.action() + ":" + h.fromStatus() + ">" + h.toStatus())
                .containsExactly("soc:CREATED:null>new", "an-analyst:TRANSITION:new>acknowledged",
                        "an-analyst:ASSIGNED:null>null", "other-analyst:TRANSITION:acknowledged>investigating",
                        "other-analyst:NOTE:null>null", "other-analyst:TRANSITION:investigating>contained",
                        "other-analyst:TRANSITION:contained>resolved");
        // the group is closed: its next alert opens a new incident
        assertThat(incidents.ingest(alert("brute-force", 4, site, "unit-a", T0.plusSeconds(10))))
                .isEqualTo(Incidents.Outcome.CREATED);
    }

    private static void illegal(Incidents incidents, long id, IncidentStatus target) {
        IncidentDetail before = incidents.find(id).orElseThrow();
        assertThatThrownBy(() -> incidents.transition(id, "someone", target, null))
                .isInstanceOfSatisfying(IncidentException.class,
                        e -> assertThat(e.code()).isEqualTo(IncidentException.Code.ILLEGAL_TRANSITION));
        assertThat(incidents.find(id).orElseThrow()).isEqualTo(before);
    }
}
