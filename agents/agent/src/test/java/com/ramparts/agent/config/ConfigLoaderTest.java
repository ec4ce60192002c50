package com.ramparts.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.FullPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(format -> format.equals("suricata-eve")
            || format.equals("fortigate") || format.equals("restic"));

    private AgentConfig load(String yaml) throws IOException, InvalidConfigException {
        Path file = dir.resolve("agent.yml");
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    private List<ConfigError> errors(String yaml) throws IOException {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> load(yaml));
        assertThat(e).as("the configuration should have been refused").isNotNull();
        return e.errors();
    }

    private static final String VALID = """
            agent:
              id: agent-7
              site_id: ward-03
              unit_id: d1-ward-03
              data_dir: /var/lib/ramparts-agent
            spool:
              max_bytes: 2GiB
              segment_bytes: 32MiB
              fsync: always
              when_full: drop_oldest
            kafka:
              bootstrap_servers: soc.city.local:9093
              compression: lz4
              delivery_timeout: 45s
              ssl:
                keystore: /etc/ramparts-agent/agent.p12
                keystore_password: secret
                truststore: /etc/ramparts-agent/ca.p12
                truststore_password: public
              properties:
                linger.ms: "50"
            heartbeat:
              interval: 30s
            inputs:
              - id: eve
                type: file
                format: suricata-eve
                path: /var/log/suricata/eve.json
                poll_interval: 100ms
                max_line_bytes: 128KiB
                start_at: end
              - id: fw
                type: syslog
                format: fortigate
                udp_port: 5514
                tcp_port: 5514
                timezone: Asia/Ho_Chi_Minh
                silent_after: 15m
              - id: backup
                type: command
                format: restic
                command: [restic, snapshots, --json]
                interval: 1h
                timeout: 10m
                output: whole
            """;

    @Test
    void aCompleteConfigurationReadsIntoTypedValues() throws Exception {
        AgentConfig config = load(VALID);

        assertThat(config.agentId()).isEqualTo("agent-7");
        assertThat(config.siteId()).isEqualTo("ward-03");
        assertThat(config.unitId()).hasValue("d1-ward-03");
        assertThat(config.spool().dir()).isEqualTo(Path.of("/var/lib/ramparts-agent/spool"));
        assertThat(config.spool().maxBytes()).isEqualTo(2L << 30);
        assertThat(config.spool().segmentBytes()).isEqualTo(32L << 20);
        assertThat(config.spool().fsync()).isEqualTo(FsyncPolicy.ALWAYS);
        assertThat(config.spool().whenFull()).isEqualTo(FullPolicy.DROP_OLDEST);
        assertThat(config.kafka().topic()).isEqualTo("telemetry.events");
        assertThat(config.kafka().compression()).isEqualTo("lz4");
        assertThat(config.kafka().deliveryTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.kafka().ssl()).hasValueSatisfying(ssl -> {
            assertThat(ssl.keystore()).isEqualTo("/etc/ramparts-agent/agent.p12");
            assertThat(ssl.toString()).doesNotContain("secret");
        });
        assertThat(config.kafka().properties()).containsEntry("linger.ms", "50");
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.inputs()).hasSize(3);
        assertThat(config.inputs().get(0)).isEqualTo(new FileInputConfig("eve", "suricata-eve",
                Path.of("/var/log/suricata/eve.json"), Duration.ofMillis(100), 128 * 1024, true, Duration.ofMinutes(10)));
        assertThat(config.inputs().get(1)).isEqualTo(new SyslogInputConfig("fw", "fortigate", "0.0.0.0", 5514, 5514,
                64 * 1024, 10_000, 256, ZoneId.of("Asia/Ho_Chi_Minh"), Duration.ofMinutes(15)));
        assertThat(config.inputs().get(2)).isEqualTo(new CommandInputConfig("backup", "restic",
                List.of("restic", "snapshots", "--json"), Duration.ofHours(1), Duration.ofMinutes(10),
                ConfigLoader.MAX_RECORD_BYTES, true, Duration.ofMinutes(10)));
    }

    @Test
    void aMinimalConfigurationGetsSafeDefaults() throws Exception {
        AgentConfig config = load("""
                agent: {id: a1, site_id: s1}
                kafka: {bootstrap_servers: "localhost:9092"}
                inputs:
                  - {id: eve, type: file, format: suricata-eve, path: /var/log/eve.json}
                """);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/ramparts-agent"));
        assertThat(config.spool().fsync()).isEqualTo(FsyncPolicy.INTERVAL);
        assertThat(config.spool().whenFull()).isEqualTo(FullPolicy.BLOCK);
        assertThat(config.spool().maxBytes()).isEqualTo(1L << 30);
        assertThat(config.kafka().compression()).isEqualTo("zstd");
        assertThat(config.kafka().ssl()).isEmpty();
        assertThat(((FileInputConfig) config.inputs().getFirst()).startAtEnd()).isFalse();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsKeyAndLine() throws Exception {
        List<ConfigError> errors = errors("""
                agent:
                  id: agent 7
                kafka:
                  bootstrap_servers: soc:9093
                  delivery_timeout: soon
                spool:
                  fsnyc: always
                  when_full: panic
                inputs:
                  - id: eve
                    type: file
                    format: suricata-eve
                    path: relative/eve.json
                  - id: eve
                    type: syslog
                    format: nonsense
                  - id: heartbeat
                    type: command
                    format: restic
                    command: []
                """);

        assertThat(errors).extracting(ConfigError::key, ConfigError::line).contains(
                org.assertj.core.groups.Tuple.tuple("agent.id", 2),
                org.assertj.core.groups.Tuple.tuple("agent.site_id", 2),
                org.assertj.core.groups.Tuple.tuple("kafka.delivery_timeout", 5),
                org.assertj.core.groups.Tuple.tuple("spool.fsnyc", 7),
                org.assertj.core.groups.Tuple.tuple("spool.when_full", 8),
                org.assertj.core.groups.Tuple.tuple("inputs[0].path", 13),
                org.assertj.core.groups.Tuple.tuple("inputs[1].id", 14),
                org.assertj.core.groups.Tuple.tuple("inputs[1].format", 16),
                org.assertj.core.groups.Tuple.tuple("inputs[1]", 14),
                org.assertj.core.groups.Tuple.tuple("inputs[2].id", 17),
                org.assertj.core.groups.Tuple.tuple("inputs[2].command", 20));
        assertThat(errors).filteredOn(e -> e.key().equals("spool.fsnyc")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("not a known key").contains("fsync"));
        assertThat(errors).filteredOn(e -> e.key().equals("inputs[1].format")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("'nonsense' is not a known parser format"));
        assertThat(errors).filteredOn(e -> e.key().equals("inputs[1].id")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("already the id of inputs[0]"));
        assertThat(errors).allSatisfy(e -> assertThat(e.column()).isPositive());
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws IOException {
        List<ConfigError> errors = errors("""
                agent:
                  id: a1
                  site_id: [unclosed
                kafka: {}
                """);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("(yaml)");
            assertThat(e.line()).isBetween(3, 5);
            assertThat(e.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void missingSectionsAndWrongShapesAreNamed() throws IOException {
        assertThat(errors("inputs: not-a-list\n")).extracting(ConfigError::key)
                .contains("agent", "kafka", "inputs");
        assertThat(errors("- just\n- a list\n")).extracting(ConfigError::message)
                .anySatisfy(m -> assertThat(m).contains("mapping"));
        assertThat(errors("")).singleElement().extracting(ConfigError::message).isEqualTo("is empty");
    }

    @Test
    void sizesDurationsAndPortsAreRangeChecked() throws IOException {
        List<ConfigError> errors = errors("""
                agent: {id: a1, site_id: s1}
                kafka: {bootstrap_servers: "k:9092"}
                spool: {max_bytes: 10MiB, segment_bytes: 8MiB, fsync_interval: 0ms}
                inputs:
                  - {id: fw, type: syslog, format: fortigate, udp_port: 70000, max_message_bytes: 10GiB}
                  - {id: eve, type: file, format: suricata-eve, path: /x, max_line_bytes: 1MiB, timezone: x}
                """);
        assertThat(errors).extracting(ConfigError::key).containsExactlyInAnyOrder("spool.max_bytes",
                "spool.fsync_interval", "inputs[0].udp_port", "inputs[0].max_message_bytes",
                "inputs[0]", "inputs[1].max_line_bytes", "inputs[1].timezone");
    }

    @Test
    void enrolmentPointsTheShipperAtTheEnrolledCredentialsAndItsSiteTopic() throws Exception {
        AgentConfig config = load("""
                agent: {id: a1, site_id: ward-03, data_dir: /var/lib/ra}
                kafka: {bootstrap_servers: "soc:9094"}
                enrolment: {pki: "https://pki.city.local:8443"}
                inputs:
                  - {id: eve, type: file, format: suricata-eve, path: /var/log/eve.json}
                """);
        EnrolmentConfig enrolment = config.enrolment().orElseThrow();
        assertThat(enrolment.pki()).hasToString("https://pki.city.local:8443");
        assertThat(enrolment.dir()).isEqualTo(Path.of("/var/lib/ra/tls"));
        assertThat(enrolment.verifyHostname()).isTrue();
        assertThat(config.kafka().topic()).isEqualTo("telemetry.site.{site}");
        assertThat(load("""
                agent: {id: a1, site_id: s1}
                kafka: {bootstrap_servers: "localhost:9092"}
                inputs:
                  - {id: eve, type: file, format: suricata-eve, path: /var/log/eve.json}
                """).kafka().topic()).isEqualTo("telemetry.events");
    }

    @Test
    void enrolmentNeedsAnHttpsPkiAndExcludesOwnKeyStores() throws IOException {
        List<ConfigError> errors = errors("""
                agent: {id: a1, site_id: s1}
                kafka:
                  bootstrap_servers: "soc:9094"
                  ssl: {keystore: /k.p12, truststore: /t.p12}
                enrolment: {pki: "http://pki:8081", renew: soon}
                inputs:
                  - {id: eve, type: file, format: suricata-eve, path: /var/log/eve.json}
                """);
        assertThat(errors).extracting(ConfigError::key).containsExactlyInAnyOrder("enrolment.pki", "enrolment.renew",
                "enrolment");
        assertThat(errors).filteredOn(e -> e.key().equals("enrolment.pki")).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(5));
    }
}
