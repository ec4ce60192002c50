package com.ramparts.appliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplianceConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutFileOrEnvironmentTheDocumentedDefaultsApply() {
        ApplianceConfig config = ApplianceConfig.load(dir.resolve("absent.properties"), Map.of());

        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.kafkaAgentsPort()).isEqualTo(9094);
        assertThat(config.openSearchPort()).isEqualTo(9200);
        assertThat(config.openSearchTransportPort()).isEqualTo(9300);
        assertThat(config.pkiPort()).isEqualTo(8081);
        assertThat(config.socPort()).isEqualTo(8080);
        assertThat(config.openSearchHeap()).isEqualTo("1g");
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void environmentOverridesFileWhichOverridesDefaults() throws Exception {
        Path file = dir.resolve("ramparts.properties");
        Files.writeString(file, "soc.port=18080\npki.port=18081\n");

        ApplianceConfig config = ApplianceConfig.load(file, Map.of("RAMPARTS_SOC_PORT", "28080"));

        assertThat(config.socPort()).isEqualTo(28080);
        assertThat(config.pkiPort()).isEqualTo(18081);
        assertThat(config.kafkaPort()).isEqualTo(9092);
    }

    @Test
    void envNameIsUpperCaseWithUnderscores() {
        assertThat(ApplianceConfig.envName("opensearch.transport.port")).isEqualTo("RAMPARTS_OPENSEARCH_TRANSPORT_PORT");
    }

    @Test
    void unknownKeyInTheFileIsRefusedWithTheKnownOnes() throws Exception {
        Path file = dir.resolve("ramparts.properties");
        Files.writeString(file, "soc.prot=18080\n");

        assertThatThrownBy(() -> ApplianceConfig.load(file, Map.of()))
                .isInstanceOf(ApplianceConfig.ConfigException.class)
                .hasMessageContaining("unknown setting(s) [soc.prot]")
                .hasMessageContaining("soc.port");
    }

    @Test
    void malformedValuesNameTheirSourceAndRule() throws Exception {
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_KAFKA_PORT", "abc")))
                .hasMessageContaining("environment variable RAMPARTS_KAFKA_PORT must be a whole number, not 'abc'");
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_KAFKA_PORT", "70000")))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_KAFKA_PORT", "0")))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_SOC_HEAP", "lots")))
                .hasMessageContaining("RAMPARTS_SOC_HEAP must be a heap size such as 512m or 2g, not 'lots'");
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_SOC_HEAP", "9999999g")))
                .isInstanceOf(ApplianceConfig.ConfigException.class);
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_BIND_ADDRESS", "evil.example; rm -rf /")))
                .hasMessageContaining("must be an IP address");
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_STARTUP_TIMEOUT_SECONDS", "1")))
                .hasMessageContaining("between 10 and 3600");

        Path file = dir.resolve("ramparts.properties");
        Files.writeString(file, "pki.port=http\n");
        assertThatThrownBy(() -> ApplianceConfig.load(file, Map.of()))
                .hasMessageContaining("setting pki.port in " + file + " must be a whole number");
    }

    @Test
    void twoPartsOnOnePortAreRefused() {
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_PKI_PORT", "8080")))
                .isInstanceOf(ApplianceConfig.ConfigException.class)
                .hasMessageContaining("pki.port and soc.port are both 8080");
        assertThatThrownBy(() -> ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_KAFKA_AGENTS_PORT", "9092")))
                .isInstanceOf(ApplianceConfig.ConfigException.class)
                .hasMessageContaining("kafka.agents.port and kafka.port are both 9092");
    }

    @Test
    void aFileThatIsNotPropertiesIsRefused() throws Exception {
        Path file = dir.resolve("ramparts.properties");
        Files.write(file, new byte[]{'a', '=', '\\', 'u', 'z', 'z', 'z', 'z'}); // a broken unicode escape

        assertThatThrownBy(() -> ApplianceConfig.load(file, Map.of()))
                .isInstanceOf(ApplianceConfig.ConfigException.class)
                .hasMessageContaining("cannot be read as a properties file");
    }

    @Test
    void wildcardBindIsReachedThroughLoopback() {
        ApplianceConfig config = ApplianceConfig.load(dir.resolve("none"), Map.of("RAMPARTS_BIND_ADDRESS", "0.0.0.0"));
        assertThat(config.connectAddress()).isEqualTo("127.0.0.1");
    }
}
