package com.ramparts.agent.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * The {@code enrolment} section: where pki is and where {@code ramparts-agent enroll} stored the
 * credentials. With it, the shipper uses those credentials for mutual TLS and the agent renews
 * them at two thirds of their lifetime.
 *
 * @param pki            pki's base URL, https
 * @param dir            the credentials directory (default {@code DATA_DIR/tls})
 * @param verifyHostname whether Kafka's certificate must name the broker's host
 */
public record EnrolmentConfig(URI pki, Path dir, boolean verifyHostname) {
}
