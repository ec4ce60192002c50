package com.ramparts.soc.incident.search;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.incident.Incidents;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IncidentSearchConfiguration {

    @Bean
    IncidentIndex incidentIndex(OpenSearchClient client, SocProperties properties) {
        return new IncidentIndex(client, properties.incidentSearch().index());
    }

    @Bean
    IncidentIndexer incidentIndexer(Incidents incidents, IncidentIndex index, SocProperties properties) {
        IncidentIndexer indexer = new IncidentIndexer(incidents, index, properties.incidentSearch());
        if (properties.incidentSearch().enabled()) {
            incidents.onChange(indexer::changed);
        }
        return indexer;
    }

    @Bean
    IncidentSearch incidentSearch(IncidentIndex index, Incidents incidents, SocProperties properties) {
        return new IncidentSearch(index, incidents, properties.incidentSearch());
    }
}
