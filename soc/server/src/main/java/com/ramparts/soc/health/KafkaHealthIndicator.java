package com.ramparts.soc.health;

import com.ramparts.soc.config.SocProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** UP when the Kafka cluster answers a metadata request and has at least one broker. */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private static final int TIMEOUT_MS = 3_000;

    private final Admin admin;
    private final String bootstrapServers;

    KafkaHealthIndicator(SocProperties properties) {
        this.bootstrapServers = properties.kafka().bootstrapServers();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.CLIENT_ID_CONFIG, "ramparts-soc-health"));
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
            String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            Health.Builder health = brokers > 0 ? Health.up() : Health.down();
            return health.withDetail("bootstrapServers", bootstrapServers)
                    .withDetail("clusterId", clusterId)
                    .withDetail("brokers", brokers)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("bootstrapServers", bootstrapServers).withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.down().withDetail("bootstrapServers", bootstrapServers)
                    .withDetail("error", "no answer within " + TIMEOUT_MS + " ms: " + e.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
