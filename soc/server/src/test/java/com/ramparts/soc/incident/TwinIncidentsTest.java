package com.ramparts.soc.incident;

import com.ramparts.testsupport.RealServers;
import com.ramparts.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

/** Two soc instances racing to open the same groups' incidents get one incident per group, on H2 and on PostgreSQL. */
@ExtendWith(RealServers.class)
class TwinIncidentsTest {

    @Test
    void racingInstancesOpenOneIncidentPerGroupOnPostgres(TestPostgres.Schema schema) throws Exception {
        Incidents first = Alerts.incidents(schema.dataSource(), schema.name(), new Alerts.MutableClock(Alerts.T0));
        Incidents second = Alerts.incidents(schema.dataSource(), schema.name(), new Alerts.MutableClock(Alerts.T0));
        TwinIncidents.bothInstancesDecideToOpenAndOnlyOneIncidentResults(first, second, schema.dataSource());
        TwinIncidents.closingFreesTheGroupForTheNextIncident(first, schema.dataSource());
    }

    @Test
    void racingInstancesOpenOneIncidentPerGroupOnH2() throws Exception {
        String url = "jdbc:h2:mem:twins-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DriverManagerDataSource one = new DriverManagerDataSource(url, "sa", "");
        DriverManagerDataSource two = new DriverManagerDataSource(url, "sa", "");
        Incidents first = Alerts.incidents(one, null, new Alerts.MutableClock(Alerts.T0));
        Incidents second = Alerts.incidents(two, null, new Alerts.MutableClock(Alerts.T0));
        TwinIncidents.bothInstancesDecideToOpenAndOnlyOneIncidentResults(first, second, one);
        TwinIncidents.closingFreesTheGroupForTheNextIncident(first, one);
    }
}
