package com.ramparts.runtime.opensearch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One OpenSearch node: the distribution to run, where to unpack it, the instance directory that
 * holds its config, data and logs, its loopback ports and its heap.
 *
 * @param distributionZip the Maven Central {@code integ-test-zip} distribution
 * @param distributionParent where the zip is unpacked (shared by instances)
 * @param instanceDir the node's own config/, data/, logs/ and tmp/
 * @param host the address it binds (loopback by default)
 * @param heap the JVM heap, e.g. {@code 512m} or {@code 1g}
 */
public record OpenSearchSettings(Path distributionZip, Path distributionParent, Path instanceDir, String host,
                                 int httpPort, int transportPort, String heap, String clusterName) {

    public OpenSearchSettings {
        // OpenSearch runs with its home as working directory: relative paths would point into it
        distributionZip = Objects.requireNonNull(distributionZip, "distributionZip").toAbsolutePath().normalize();
        distributionParent = Objects.requireNonNull(distributionParent, "distributionParent").toAbsolutePath().normalize();
        instanceDir = Objects.requireNonNull(instanceDir, "instanceDir").toAbsolutePath().normalize();
        Objects.requireNonNull(host, "host");
        checkPort("httpPort", httpPort);
        checkPort("transportPort", transportPort);
        if (httpPort == transportPort) {
            throw new IllegalArgumentException("OpenSearch HTTP and transport ports must differ, both are " + httpPort);
        }
        if (heap == null || !heap.matches("[1-9][0-9]*[mMgG]")) {
            throw new IllegalArgumentException("OpenSearch heap must look like 512m or 1g, not '" + heap + "'");
        }
        if (clusterName == null || !clusterName.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("invalid OpenSearch cluster name '" + clusterName + "'");
        }
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("OpenSearch " + name + " must be 1-65535, not " + port);
        }
    }
}
