package com.ramparts.soc.incident;

import com.ramparts.soc.config.SocProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    Incidents incidents(JdbcClient jdbc, TransactionTemplate transactions, SocProperties properties) {
        return new Incidents(jdbc, transactions, properties.incidents(), Clock.systemUTC());
    }

    @Bean
    IncidentConsumer incidentConsumer(SocProperties properties, Incidents incidents) {
        return new IncidentConsumer(properties, incidents);
    }
}
