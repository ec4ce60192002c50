package com.ramparts.appliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker's configuration with and without the agents' TLS listener (the listener at work: AgentTlsIT). */
class KafkaBrokerPartTest {

    @TempDir
    Path data;

    private KafkaBrokerPart broker() {
        ApplianceConfig config = ApplianceConfig.load(data.resolve("ramparts.properties"), Map.of("RAMPARTS_KAFKA_AGENTS_PORT", "19094"));
        return new KafkaBrokerPart(config, new Layout(data, data));
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    @Test
    void withoutACertificateThereIsNoAgentsListenerButEveryClientIsAuthorised() throws IOException {
        KafkaBrokerPart broker = broker();
        Properties properties = parse(broker.serverProperties());
        assertThat(broker.agentsListener()).isFalse();
        assertThat(broker.agentsEndpoint()).isEmpty();
        assertThat(broker.ports()).doesNotContainKey("kafka.agents.port");
        assertThat(properties.getProperty("listeners")).doesNotContain("AGENTS");
        assertThat(properties.getProperty("authorizer.class.name")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(properties.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(properties.getProperty("super.users")).isEqualTo("User:ANONYMOUS");
    }

    @Test
    void withPkisCertificateAgentsGetATlsListenerThatRequiresTheirCertificate() throws IOException {
        KafkaBrokerPart broker = broker();
        Files.createDirectories(broker.brokerCertificate().getParent());
        Files.writeString(broker.brokerCertificate(), "key and chain");
        Files.writeString(broker.agentCas(), "cas");
        Properties properties = parse(broker.serverProperties());
        assertThat(broker.ports()).containsEntry("kafka.agents.port", 19094);
        assertThat(broker.agentsEndpoint()).contains("127.0.0.1:19094");
        assertThat(properties.getProperty("listeners")).endsWith(",AGENTS://127.0.0.1:19094");
        assertThat(properties.getProperty("advertised.listeners")).endsWith(",AGENTS://127.0.0.1:19094");
        assertThat(properties.getProperty("listener.security.protocol.map")).contains("AGENTS:SSL");
        assertThat(properties.getProperty("listener.name.agents.ssl.client.auth")).isEqualTo("required");
        assertThat(properties.getProperty("listener.name.agents.ssl.keystore.location")).isEqualTo(broker.brokerCertificate().toString());
        assertThat(properties.getProperty("listener.name.agents.ssl.truststore.location")).isEqualTo(broker.agentCas().toString());
        assertThat(properties.getProperty("listener.name.agents.ssl.principal.mapping.rules"))
                .isEqualTo("RULE:^CN=([a-z0-9][a-z0-9-]{0,62}),O=Ramparts$/$1/,DEFAULT");
        assertThat(properties.getProperty("inter.broker.listener.name")).isEqualTo("PLAINTEXT");
    }

    @Test
    void siteTopicsAreLiteralPerSiteAndSiteIdsAreChecked() {
        assertThat(SiteAccess.topic("ward-03")).isEqualTo("telemetry.site.ward-03");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteAccess.topic("Ward 03")).hasMessageContaining("not a site id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteAccess.topic("-x")).hasMessageContaining("not a site id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteAccess.topic("a".repeat(64))).hasMessageContaining("not a site id");
    }
}
