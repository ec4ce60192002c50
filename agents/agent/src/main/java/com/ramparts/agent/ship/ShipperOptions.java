package com.ramparts.agent.ship;

import com.ramparts.agent.config.AgentConfig;
import com.ramparts.agent.config.KafkaConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How the shipper sends.
 *
 * @param topic              the destination topic
 * @param key                the record key: the site id
 * @param producer           producer properties (bootstrap, TLS, ...), completed by {@link #producerProperties()}
 * @param maxInFlightRecords events sent but not yet acknowledged, at most
 * @param maxInFlightBytes   bytes sent but not yet acknowledged, about at most
 * @param commitInterval     how often the spool cursor is persisted while shipping
 * @param firstBackoff       the first pause after a failure
 * @param maxBackoff         the longest pause between retries
 */
public record ShipperOptions(String topic, String key, Map<String, Object> producer, int maxInFlightRecords,
                             int maxInFlightBytes, Duration commitInterval, Duration firstBackoff, Duration maxBackoff) {

    private static final int LINGER_MS = 20;

    public ShipperOptions {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        producer = Map.copyOf(producer);
    }

    /**
     * Options for a bootstrap address and a delivery timeout (how long one send may take before
     * it counts as failed and is retried).
     */
    public static ShipperOptions of(String bootstrapServers, String topic, String key, Duration deliveryTimeout,
                                    Duration maxBackoff) {
        Map<String, Object> producer = new HashMap<>();
        producer.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long delivery = Math.max(deliveryTimeout.toMillis(), 1000);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, delivery - LINGER_MS));
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery);
        return new ShipperOptions(topic, key, producer, 20_000, 8 << 20, Duration.ofMillis(200),
                Duration.ofMillis(200), maxBackoff);
    }

    /** Options from the agent's configuration, TLS and extra producer properties included. */
    public static ShipperOptions of(AgentConfig config) {
        KafkaConfig kafka = config.kafka();
        ShipperOptions options = of(kafka.bootstrapServers(), topic(kafka.topic(), config.siteId()), config.siteId(),
                kafka.deliveryTimeout(),
                kafka.maxBackoff());
        Map<String, Object> producer = new HashMap<>(options.producer());
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "ramparts-agent-" + config.agentId());
        producer.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, kafka.compression());
        kafka.ssl().ifPresent(ssl -> {
            producer.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
            producer.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, ssl.keystore());
            producer.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, ssl.keystoreType());
            if (ssl.keystorePassword() != null) {
                producer.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, ssl.keystorePassword());
                producer.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, ssl.keystorePassword());
            }
            producer.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, ssl.truststore());
            producer.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, ssl.truststoreType());
            if (ssl.truststorePassword() != null) {
                producer.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, ssl.truststorePassword());
            }
            producer.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, ssl.verifyHostname() ? "https" : "");
        });
        producer.putAll(kafka.properties());
        return options.withProducer(producer);
    }

    /** The topic with {@code {site}} replaced by the site id ({@code telemetry.site.{site}}). */
    public static String topic(String configured, String siteId) {
        return configured.replace("{site}", siteId);
    }

    public ShipperOptions withProducer(Map<String, Object> properties) {
        return new ShipperOptions(topic, key, properties, maxInFlightRecords, maxInFlightBytes, commitInterval,
                firstBackoff, maxBackoff);
    }

    public ShipperOptions withBackoff(Duration first, Duration max) {
        return new ShipperOptions(topic, key, producer, maxInFlightRecords, maxInFlightBytes, commitInterval, first,
                max);
    }

    /**
     * The producer properties with the delivery guarantees filled in: idempotence, acks from all
     * replicas, bounded in-flight requests (which keeps order with idempotence), compression.
     * Properties given explicitly win, except the three that the no-loss, in-order promise rests on.
     */
    public Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L << 20);
        properties.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 200);
        properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        properties.putAll(producer);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }
}
