package com.ramparts.appliance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The launcher's configuration. Each setting comes from, in order: the environment variable
 * ({@code kafka.port} is {@code RAMPARTS_KAFKA_PORT}), the file {@code <data>/ramparts.properties},
 * the default. All keys are documented in docs/configuration.md.
 */
public record ApplianceConfig(String bindAddress,
                              int kafkaPort, int kafkaControllerPort, int kafkaAgentsPort, String kafkaHeap,
                              int openSearchPort, int openSearchTransportPort, String openSearchHeap,
                              int pkiPort, String pkiHeap,
                              int socPort, String socHeap,
                              Duration startupTimeout) {

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("bind.address", "127.0.0.1"),
            Map.entry("kafka.port", "9092"),
            Map.entry("kafka.controller.port", "9093"),
            Map.entry("kafka.agents.port", "9094"),
            Map.entry("kafka.heap", "512m"),
            Map.entry("opensearch.port", "9200"),
            Map.entry("opensearch.transport.port", "9300"),
            Map.entry("opensearch.heap", "1g"),
            Map.entry("pki.port", "8081"),
            Map.entry("pki.heap", "384m"),
            Map.entry("soc.port", "8080"),
            Map.entry("soc.heap", "512m"),
            Map.entry("startup.timeout.seconds", "300"));

    /** The environment variable that overrides a setting. */
    public static String envName(String key) {
        return "RAMPARTS_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public static ApplianceConfig load(Path file, Map<String, String> env) {
        Properties fromFile = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(file + ": cannot be read as a properties file: " + e.getMessage());
            }
            Set<String> unknown = new TreeSet<>(fromFile.stringPropertyNames());
            unknown.removeAll(DEFAULTS.keySet());
            if (!unknown.isEmpty()) {
                throw new ConfigException(file + ": unknown setting(s) " + unknown + "; known settings are " + new TreeSet<>(DEFAULTS.keySet()));
            }
        }
        Source source = new Source(file, fromFile, env);
        ApplianceConfig config = new ApplianceConfig(
                source.address("bind.address"),
                source.port("kafka.port"), source.port("kafka.controller.port"), source.port("kafka.agents.port"),
                source.heap("kafka.heap"),
                source.port("opensearch.port"), source.port("opensearch.transport.port"), source.heap("opensearch.heap"),
                source.port("pki.port"), source.heap("pki.heap"),
                source.port("soc.port"), source.heap("soc.heap"),
                Duration.ofSeconds(source.integer("startup.timeout.seconds", 10, 3600)));
        config.requireDistinctPorts();
        return config;
    }

    private void requireDistinctPorts() {
        Map<String, Integer> ports = Map.of("kafka.port", kafkaPort, "kafka.controller.port", kafkaControllerPort,
                "kafka.agents.port", kafkaAgentsPort,
                "opensearch.port", openSearchPort, "opensearch.transport.port", openSearchTransportPort,
                "pki.port", pkiPort, "soc.port", socPort);
        Map<Integer, String> seen = new java.util.HashMap<>();
        for (var entry : new java.util.TreeMap<>(ports).entrySet()) {
            String other = seen.putIfAbsent(entry.getValue(), entry.getKey());
            if (other != null) {
                throw new ConfigException(other + " and " + entry.getKey() + " are both " + entry.getValue() + "; each part needs its own port");
            }
        }
    }

    /** A setting that is missing, malformed or out of range. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    private record Source(Path file, Properties fromFile, Map<String, String> env) {

        String raw(String key) {
            String value = env.get(envName(key));
            if (value != null) {
                return value.strip();
            }
            value = fromFile.getProperty(key);
            return value != null ? value.strip() : DEFAULTS.get(key);
        }

        String origin(String key) {
            return env.containsKey(envName(key)) ? "environment variable " + envName(key) : "setting " + key + " in " + file;
        }

        int integer(String key, int min, int max) {
            String value = raw(key);
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    throw new ConfigException(origin(key) + " must be between " + min + " and " + max + ", not " + value);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(origin(key) + " must be a whole number, not '" + value + "'");
            }
        }

        int port(String key) {
            return integer(key, 1, 65_535);
        }

        String heap(String key) {
            String value = raw(key);
            if (!value.matches("[1-9][0-9]{0,5}[mMgG]")) {
                throw new ConfigException(origin(key) + " must be a heap size such as 512m or 2g, not '" + value + "'");
            }
            return value;
        }

        String address(String key) {
            String value = raw(key);
            if (!value.matches("[0-9A-Fa-f:.]+")) {
                throw new ConfigException(origin(key) + " must be an IP address, not '" + value + "'");
            }
            try {
                InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                throw new ConfigException(origin(key) + " is not a valid IP address: '" + value + "'");
            }
            return value;
        }
    }

    /** The address local clients use to reach a part: the bind address, or loopback for a wildcard. */
    public String connectAddress() {
        return bindInetAddress().isAnyLocalAddress() ? "127.0.0.1" : bindAddress;
    }

    public InetAddress bindInetAddress() {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }
}
