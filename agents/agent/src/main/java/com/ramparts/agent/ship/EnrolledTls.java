package com.ramparts.agent.ship;

import com.ramparts.agent.enroll.CredentialStore;
import com.ramparts.agent.enroll.Credentials;
import com.ramparts.agent.enroll.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Producer properties for mutual TLS with the enrolled credentials: Kafka's PEM key store and trust
 * store types, given as values, read from the {@link CredentialStore} each time a producer is made
 * (so after a renewal the next producer presents the new certificate).
 */
public final class EnrolledTls implements Supplier<Map<String, Object>> {

    private final CredentialStore store;
    private final boolean verifyHostname;

    public EnrolledTls(CredentialStore store, boolean verifyHostname) {
        this.store = store;
        this.verifyHostname = verifyHostname;
    }

    @Override
    public Map<String, Object> get() {
        Credentials credentials;
        try {
            credentials = store.read().orElseThrow(() -> new IllegalStateException("no credentials in " + store.dir()
                    + "; enrol first: ramparts-agent enroll --pki https://... --token ..."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties(credentials, verifyHostname);
    }

    static Map<String, Object> properties(Credentials credentials, boolean verifyHostname) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
        properties.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, Pem.privateKey(credentials.key()));
        properties.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, Pem.certificates(credentials.chain()));
        properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        properties.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, Pem.certificates(credentials.trusted()));
        properties.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, verifyHostname ? "https" : "");
        return properties;
    }
}
