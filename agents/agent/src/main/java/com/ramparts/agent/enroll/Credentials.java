package com.ramparts.agent.enroll;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain (leaf first) and the CA certificates trusted for the
 * servers the agent talks to (pki, Kafka).
 */
public record Credentials(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trusted) {

    /** Renewal starts at this share of the certificate's lifetime. */
    public static final double RENEW_AT = 2.0 / 3.0;

    public Credentials {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        trusted = List.copyOf(trusted);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf");
        }
        if (!KeyPairs.matches(key, chain.getFirst())) {
            throw new IllegalArgumentException("the certificate " + chain.getFirst().getSubjectX500Principal()
                    + " is not for this private key");
        }
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    public Instant notBefore() {
        return certificate().getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    /** When renewal is due: notBefore + 2/3 of the lifetime. */
    public Instant renewAt() {
        Duration lifetime = Duration.between(notBefore(), notAfter());
        return notBefore().plusMillis((long) (lifetime.toMillis() * RENEW_AT));
    }

    @Override
    public String toString() {
        return "Credentials[" + certificate().getSubjectX500Principal() + ", serial "
                + certificate().getSerialNumber().toString(16) + ", until " + notAfter() + ", key hidden]";
    }
}
