package com.ramparts.soc.response;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/** Adds the listener that records every published {@link com.ramparts.soc.incident.IncidentActionTaken}. */
@TestConfiguration(proxyBeanMethods = false)
class TakenActionsConfiguration {

    @Bean
    ResponseTestContext.TakenActions takenActions(DataSource dataSource) {
        return new ResponseTestContext.TakenActions(dataSource);
    }
}
