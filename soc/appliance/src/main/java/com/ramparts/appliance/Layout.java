package com.ramparts.appliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where things are: the checkout ({@code home}) holds the built jars and the OpenSearch
 * distribution; the data directory holds everything the appliance writes.
 */
public record Layout(Path home, Path data) {

    public Layout {
        home = home.toAbsolutePath().normalize();
        data = data.toAbsolutePath().normalize();
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public Path run() {
        return data.resolve("run");
    }

    public Path logFile(String part) {
        return logs().resolve(part + ".log");
    }

    public Path pidFile(String part) {
        return run().resolve(part + ".pid");
    }

    public Path adminCredentials() {
        return data.resolve("secrets").resolve("admin-credentials");
    }

    public Path configFile() {
        return data.resolve("ramparts.properties");
    }

    public Path pkiJar() {
        return home.resolve("pki/server/target/ramparts-pki.jar");
    }

    public Path socJar() {
        return home.resolve("soc/server/target/ramparts-soc.jar");
    }

    /** The site agent's runnable jar ({@code simulate} runs the demo sites). */
    public Path agentJar() {
        return home.resolve("agents/agent/target/ramparts-agent-all.jar");
    }

    /** The jars of the launcher and of the Kafka broker it runs. */
    public Path libDir() {
        return home.resolve("soc/appliance/target/lib");
    }

    /** The OpenSearch distribution zip the build copied next to the launcher. */
    public Path openSearchZip() {
        Path dir = home.resolve("soc/appliance/target/opensearch");
        try (Stream<Path> zips = Files.list(dir)) {
            return zips.filter(p -> p.getFileName().toString().matches("opensearch-.*\\.zip"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no OpenSearch distribution in " + dir + "; build first: ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException("no OpenSearch distribution in " + dir + "; build first: ./mvnw -DskipTests package", e);
        }
    }
}
