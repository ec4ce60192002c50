/**
 * Enrolment and renewal of the agent's client certificate over EST (RFC 7030) with pki: the key is
 * made on this host and never leaves it; the first certificate is paid for with a one-time token
 * ({@code simpleenroll}), later ones with the current certificate over mutual TLS
 * ({@code simplereenroll}) at two thirds of its lifetime. The CA chain comes from {@code /cacerts}
 * and is trusted only when it matches a fingerprint the operator gave, or a CA file.
 * Credentials live in one directory (0700), key and certificate chain in one file (0600), replaced
 * atomically, so Kafka never sees a key with another key's certificate.
 *
 * <p>Depends on the JDK (HttpClient, JSSE, KeyPairGenerator) and Bouncy Castle for the PKCS#10 request;
 * nothing else of the agent. The shipper learns about a renewal through {@link CredentialsListener}.
 */
package com.ramparts.agent.enroll;
