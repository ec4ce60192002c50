package com.ramparts.agent.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code kafka} section.
 *
 * @param bootstrapServers host:port list of the SOC's brokers
 * @param topic            where events go ({@code telemetry.events})
 * @param compression      {@code zstd} or {@code lz4}
 * @param deliveryTimeout  how long one send may take before the shipper backs off and retries it
 * @param maxBackoff       the longest wait between retries while Kafka is unreachable
 * @param ssl              client-certificate TLS, when configured
 * @param properties       further producer properties, passed as they are (they win over ours)
 */
public record KafkaConfig(String bootstrapServers, String topic, String compression, Duration deliveryTimeout,
                          Duration maxBackoff, Optional<SslConfig> ssl, Map<String, String> properties) {

    /**
     * Keystore and truststore for mutual TLS. Passwords come from the file or inline; they are
     * never logged.
     */
    public record SslConfig(String keystore, String keystoreType, String keystorePassword, String truststore,
                            String truststoreType, String truststorePassword, boolean verifyHostname) {

        @Override
        public String toString() {
            return "SslConfig[keystore=" + keystore + ", truststore=" + truststore + ", passwords hidden]";
        }
    }
}
