package com.ramparts.soc.health;

import com.ramparts.runtime.opensearch.OpenSearchNode;
import com.ramparts.runtime.process.HealthProbe;
import com.ramparts.soc.config.SocProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.net.URI;

/** UP when the OpenSearch cluster answers and is green or yellow (one node has no replicas). */
@Component("opensearch")
class OpenSearchHealthIndicator implements HealthIndicator {

    private final URI clusterHealth;

    OpenSearchHealthIndicator(SocProperties properties) {
        this.clusterHealth = OpenSearchNode.clusterHealth(properties.openSearch().url());
    }

    @Override
    public Health health() {
        HealthProbe.Answer answer = HealthProbe.get(clusterHealth);
        if (!answer.answered()) {
            return Health.down().withDetail("url", clusterHealth.toString()).withDetail("error", answer.failure()).build();
        }
        return (OpenSearchNode.isHealthy(answer) ? Health.up() : Health.down())
                .withDetail("url", clusterHealth.toString())
                .withDetail("httpStatus", answer.statusCode())
                .withDetail("clusterStatus", answer.status())
                .build();
    }
}
