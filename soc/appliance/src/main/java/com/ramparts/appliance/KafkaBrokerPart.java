package com.ramparts.appliance;

import com.ramparts.runtime.process.ProcessSpec;
import com.ramparts.runtime.process.Processes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * Kafka's own jars with its own {@code kafka.Kafka} entry point. Plaintext on the bind address
 * for the appliance's own services (they are super users); when the broker has a certificate
 * ({@code <data>/kafka/tls/broker.pem}: key and chain, and {@code ca.pem}: pki's CA certificates),
 * a second listener {@code AGENTS} on {@code kafka.agents.port} speaks TLS and requires a client
 * certificate from pki. Its principal is the certificate's site (subject {@code CN=<site>,O=Ramparts}),
 * and ACLs ({@link SiteAccess}) let it write only its own topic {@code telemetry.site.<site>}.
 */
final class KafkaBrokerPart implements Part {

    private static final int PROBE_TIMEOUT_MS = 3_000;

    private final ApplianceConfig config;
    private final Layout layout;

    KafkaBrokerPart(ApplianceConfig config, Layout layout) {
        this.config = config;
        this.layout = layout;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String title() {
        return "Kafka broker";
    }

    @Override
    public Map<String, Integer> ports() {
        if (agentsListener()) {
            return Map.of("kafka.port", config.kafkaPort(), "kafka.controller.port", config.kafkaControllerPort(),
                    "kafka.agents.port", config.kafkaAgentsPort());
        }
        return Map.of("kafka.port", config.kafkaPort(), "kafka.controller.port", config.kafkaControllerPort());
    }

    private Path dir() {
        return layout.data().resolve("kafka");
    }

    /** The broker's key and certificate chain (PEM, unencrypted key first), issued by pki's server-tls profile. */
    Path brokerCertificate() {
        return dir().resolve("tls").resolve("broker.pem");
    }

    /** pki's CA certificates (PEM): agents' client certificates must chain to one of them. */
    Path agentCas() {
        return dir().resolve("tls").resolve("ca.pem");
    }

    /** Whether the agents' TLS listener is on: the broker has its certificate and pki's CAs. */
    boolean agentsListener() {
        return Files.isRegularFile(brokerCertificate()) && Files.isRegularFile(agentCas());
    }

    /** Where agents connect (TLS), or empty when the listener is off. */
    java.util.Optional<String> agentsEndpoint() {
        return agentsListener() ? java.util.Optional.of(config.connectAddress() + ":" + config.kafkaAgentsPort())
                : java.util.Optional.empty();
    }

    @Override
    public ProcessSpec prepare() {
        try {
            Path configDir = dir().resolve("config");
            Files.createDirectories(configDir);
            Path properties = configDir.resolve("server.properties");
            Files.writeString(properties, serverProperties(), StandardCharsets.UTF_8);
            Path logback = configDir.resolve("logback.xml");
            Files.writeString(logback, LOGBACK, StandardCharsets.UTF_8);
            if (!Files.exists(dir().resolve("log").resolve("meta.properties"))) {
                formatStorage(properties, logback);
            }
            return new ProcessSpec(name(), List.of(SpringServicePart.java(),
                    "-Xms" + config.kafkaHeap(), "-Xmx" + config.kafkaHeap(), "-XX:+ExitOnOutOfMemoryError",
                    "-Dlogback.configurationFile=" + logback,
                    "-cp", classpath(), "kafka.Kafka", properties.toString()),
                    dir(), Map.of(), layout.logFile(name()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka broker in " + dir(), e);
        }
    }

    /** KRaft storage is formatted once, with a cluster id kept for the life of the data directory. */
    private void formatStorage(Path properties, Path logback) throws IOException {
        Path clusterIdFile = dir().resolve("cluster-id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString(), StandardCharsets.US_ASCII);
        }
        String clusterId = Files.readString(clusterIdFile, StandardCharsets.US_ASCII).strip();
        ProcessSpec format = new ProcessSpec("kafka-storage-format", List.of(SpringServicePart.java(), "-Xmx256m",
                "-Dlogback.configurationFile=" + logback, "-cp", classpath(),
                "kafka.tools.StorageTool", "format", "--config", properties.toString(), "--cluster-id", clusterId, "--ignore-formatted"),
                dir(), Map.of(), layout.logFile(name()));
        Process process = Processes.startDetached(format);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                Processes.stopTree(process.toHandle(), Duration.ofSeconds(5));
                throw new IllegalStateException("formatting Kafka's storage did not finish within 2 minutes; see " + layout.logFile(name()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka's storage", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka's storage failed (exit " + process.exitValue() + "):\n"
                    + Processes.tail(layout.logFile(name()), 20));
        }
    }

    String serverProperties() {
        String host = config.bindAddress();
        String connect = config.connectAddress();
        return basicProperties(host, connect) + AUTHORISATION + (agentsListener() ? agentsProperties(host, connect) : "");
    }

    /**
     * Every client must be authorised: the appliance's own services on the plaintext listener (the
     * ANONYMOUS principal) are super users; an agent is its certificate's site and may do only what
     * its ACLs allow.
     */
    private static final String AUTHORISATION = """
            authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
            super.users=User:ANONYMOUS
            allow.everyone.if.no.acl.found=false
            """;

    private String agentsProperties(String host, String connect) {
        return """
                # the agents' listener (AGENTS in listeners above): TLS with a client certificate from pki, required
                listener.name.agents.ssl.client.auth=required
                listener.name.agents.ssl.keystore.type=PEM
                listener.name.agents.ssl.keystore.location=%s
                listener.name.agents.ssl.truststore.type=PEM
                listener.name.agents.ssl.truststore.location=%s
                # an agent's certificate says CN=<site>,O=Ramparts (pki's agent-tls profile): the principal is the site;
                # any other subject keeps its full name, which no ACL names
                listener.name.agents.ssl.principal.mapping.rules=%s
                """.formatted(brokerCertificate(), agentCas(), SiteAccess.PRINCIPAL_MAPPING_RULES);
    }

    private String basicProperties(String host, String connect) {
        return """
                # written by the Ramparts launcher on every start; change data/ramparts.properties, not this file
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%s:%d
                listeners=PLAINTEXT://%s:%d,CONTROLLER://%s:%d%s
                advertised.listeners=PLAINTEXT://%s:%d%s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT%s
                log.dirs=%s
                num.partitions=3
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # topics are created deliberately by the services that own them, never by a typo
                auto.create.topics.enable=false
                """.formatted(connect, config.kafkaControllerPort(),
                host, config.kafkaPort(), host, config.kafkaControllerPort(),
                agentsListener() ? ",AGENTS://" + host + ":" + config.kafkaAgentsPort() : "",
                connect, config.kafkaPort(),
                agentsListener() ? ",AGENTS://" + connect + ":" + config.kafkaAgentsPort() : "",
                agentsListener() ? ",AGENTS:SSL" : "",
                dir().resolve("log"));
    }

    private String classpath() {
        return layout.libDir() + "/*";
    }

    @Override
    public boolean healthy() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS,
                AdminClientConfig.CLIENT_ID_CONFIG, "ramparts-launcher"))) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS))
                    .nodes().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void awaitHealthy(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(title() + " exited during start-up; the end of " + layout.logFile(name()) + ":\n"
                        + Processes.tail(layout.logFile(name()), 30));
            }
            if (healthy()) {
                return;
            }
        }
        throw new IllegalStateException(title() + " did not answer at " + endpoint() + " within " + timeout.toSeconds()
                + " s; the end of " + layout.logFile(name()) + ":\n" + Processes.tail(layout.logFile(name()), 30));
    }

    @Override
    public String endpoint() {
        return config.connectAddress() + ":" + config.kafkaPort();
    }

    private static final String LOGBACK = """
            <configuration>
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.apache.kafka.clients" level="WARN"/>
              <root level="INFO"><appender-ref ref="CONSOLE"/></root>
            </configuration>
            """;
}
