package com.ramparts.soc.incident;

import com.ramparts.soc.account.Accounts;
import com.ramparts.soc.account.Role;
import com.ramparts.testsupport.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

/**
 * One soc for the incident tests: the real Kafka broker with an alerts topic and consumer group of its own, the
 * incident consumer on, ingest and correlation off, and a cast of accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
abstract class IncidentTestContext {

    static final String PASSWORD = "correct horse battery staple";
    static final String ALERTS_TOPIC = "alerts-" + UUID.randomUUID();
    private static final Path DATA_DIR = tempDir();

    @Autowired
    protected Accounts accounts;
    @Autowired
    protected Incidents incidents;

    @DynamicPropertySource
    static void incidentProperties(DynamicPropertyRegistry registry) {
        TestKafka kafka = TestKafka.shared();
        kafka.createTopic(ALERTS_TOPIC, 1);
        registry.add("ramparts.soc.data-dir", DATA_DIR::toString);
        registry.add("ramparts.soc.admin-credentials-file", () -> DATA_DIR.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.ingest.enabled", () -> "false");
        registry.add("ramparts.soc.correlation.enabled", () -> "false");
        registry.add("ramparts.soc.incidents.enabled", () -> "true");
        registry.add("ramparts.soc.incidents.consumer-group", () -> "incidents-" + UUID.randomUUID());
        registry.add("ramparts.soc.incidents.retry-backoff", () -> "100ms");
        registry.add("ramparts.soc.incident-search.enabled", () -> "false");
        registry.add("ramparts.soc.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("ramparts.soc.kafka.topics.alerts.name", () -> ALERTS_TOPIC);
    }

    @BeforeEach
    void cast() {
        if (accounts.find("inc-analyst").isEmpty()) {
            accounts.save("inc-analyst", PASSWORD, Set.of(Role.ANALYST), null, "test");
            accounts.save("inc-analyst-2", PASSWORD, Set.of(Role.ANALYST), null, "test");
            accounts.save("inc-admin", PASSWORD, Set.of(Role.ADMIN), null, "test");
            accounts.save("inc-requester-a", PASSWORD, Set.of(Role.REQUESTER), "unit-a", "test");
            accounts.save("inc-ra", PASSWORD, Set.of(Role.RA_OFFICER), null, "test");
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("soc-incident-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
