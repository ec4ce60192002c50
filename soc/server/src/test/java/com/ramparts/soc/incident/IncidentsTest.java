package com.ramparts.soc.incident;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.UUID;

import static com.ramparts.soc.incident.Alerts.T0;
import static com.ramparts.soc.incident.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

/** Grouping, suppression, lifecycle and SLA on the embedded database (H2), with a clock the test moves. */
class IncidentsTest {

    private final Alerts.MutableClock clock = new Alerts.MutableClock(T0);
    private Incidents incidents;

    @BeforeEach
    void database() {
        incidents = Alerts.incidents(new DriverManagerDataSource(
                "jdbc:h2:mem:incidents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), null, clock);
    }

    @Test
    void relatedAlertsBecomeOneIncidentWithRepeatsCounted() {
        IncidentScenarios.groupsRelatedAlertsAndSuppressesRepeats(incidents);
    }

    @Test
    void aDuplicateAlertChangesNothing() {
        IncidentScenarios.duplicateAlertChangesNothing(incidents);
    }

    @Test
    void drillAlertsStayApart() {
        IncidentScenarios.drillsStayApartFromProduction(incidents);
    }

    @Test
    void legalTransitionsAreRecordedAndIllegalOnesChangeNothing() {
        IncidentScenarios.lifecycle(incidents);
    }

    @Test
    void slaBreachFollowsTheClockAndTheSeverity() {
        incidents.ingest(alert("brute-force", 5, "site-sla", "unit-a", T0));
        incidents.ingest(alert("port-scan", 3, "site-sla", "unit-a", T0));
        var critical = incidents.list(new IncidentFilter(null, 5, "site-sla", null, 0, 10)).items().getFirst();
        var medium = incidents.list(new IncidentFilter(null, 3, "site-sla", null, 0, 10)).items().getFirst();
        assertThat(critical.sla().acknowledgeBy()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(critical.sla().breached()).isFalse();

        clock.advance(Duration.ofMinutes(16));
        assertThat(incidents.find(critical.id()).orElseThrow().incident().sla().breached()).isTrue();
        assertThat(incidents.find(medium.id()).orElseThrow().incident().sla().breached()).isFalse();
        // acknowledging late leaves it breached; in time (4 h for severity 3 by default) does not
        assertThat(incidents.acknowledge(critical.id(), "an-analyst", null).sla().breached()).isTrue();
        assertThat(incidents.acknowledge(medium.id(), "an-analyst", null).sla().breached()).isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(incidents.find(medium.id()).orElseThrow().incident().sla().breached()).isFalse();
    }

    @Test
    void queueIsFilteredByStatusUnitAndPaged() {
        for (int i = 0; i < 5; i++) {
            incidents.ingest(alert("rule-" + i, 2, "site-q", i < 3 ? "unit-a" : "unit-b", T0));
        }
        long first = incidents.list(new IncidentFilter(null, null, null, "unit-a", 0, 10)).items().getFirst().id();
        incidents.acknowledge(first, "an-analyst", null);
        assertThat(incidents.list(new IncidentFilter(null, null, null, "unit-a", 0, 10)).total()).isEqualTo(3);
        assertThat(incidents.list(new IncidentFilter(IncidentStatus.NEW, null, null, "unit-a", 0, 10)).total()).isEqualTo(2);
        IncidentPage page = incidents.list(new IncidentFilter(null, null, "site-q", null, 2, 2));
        assertThat(page.items()).hasSize(1);
        assertThat(page.total()).isEqualTo(5);
    }
}
