package com.ramparts.soc.incident;

import com.ramparts.testsupport.RealServers;
import com.ramparts.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The incident tables and their SQL on PostgreSQL, the production database. */
@ExtendWith(RealServers.class)
class IncidentStoreOnPostgresTest {

    @Test
    void groupingDuplicatesDrillsAndLifecycleWorkOnPostgres(TestPostgres.Schema schema) {
        Incidents incidents = Alerts.incidents(schema.dataSource(), schema.name(), new Alerts.MutableClock(Alerts.T0));
        IncidentScenarios.groupsRelatedAlertsAndSuppressesRepeats(incidents);
        IncidentScenarios.duplicateAlertChangesNothing(incidents);
        IncidentScenarios.drillsStayApartFromProduction(incidents);
        IncidentScenarios.lifecycle(incidents);
    }
}
