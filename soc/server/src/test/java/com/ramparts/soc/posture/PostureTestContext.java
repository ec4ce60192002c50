package com.ramparts.soc.posture;

import com.ramparts.soc.account.Accounts;
import com.ramparts.soc.account.Role;
import com.ramparts.soc.unit.RealPki;
import com.ramparts.testsupport.TestKafka;
import com.ramparts.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * One soc for the posture and unit tests: PostgreSQL (a schema of its own), the real Kafka broker with an events
 * topic and posture consumer group of its own, the real pki (from its jar) to sync units from with an ADMIN token,
 * ingest/correlation/incidents off, and the clock pinned at {@link #NOW} (just after the agent fixtures were
 * recorded, so their ages are what the expectations say).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(PostureTestContext.PinnedClock.class)
public abstract class PostureTestContext {

    public static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    public static final String PASSWORD = "correct horse battery staple";
    static final String EVENTS_TOPIC = "posture-events-" + UUID.randomUUID();
    static final String GROUP = "posture-" + UUID.randomUUID();
    static final Path DATA_DIR = tempDir();
    public static final Path TOKEN_FILE = DATA_DIR.resolve("pki-token");

    @Autowired
    protected Accounts accounts;

    @TestConfiguration(proxyBeanMethods = false)
    static class PinnedClock {
        @Bean
        Clock postureTestClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void postureProperties(DynamicPropertyRegistry registry) {
        TestKafka kafka = TestKafka.shared();
        kafka.createTopic(EVENTS_TOPIC, 3);
        TestPostgres.Schema schema = TestPostgres.newSchema();
        PkiFixture.ensure();
        registry.add("spring.datasource.url", schema::jdbcUrlWithSchema);
        registry.add("spring.datasource.username", schema::user);
        registry.add("spring.datasource.password", schema::password);
        registry.add("ramparts.soc.data-dir", DATA_DIR::toString);
        registry.add("ramparts.soc.admin-credentials-file", () -> DATA_DIR.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.ingest.enabled", () -> "false");
        registry.add("ramparts.soc.correlation.enabled", () -> "false");
        registry.add("ramparts.soc.incidents.enabled", () -> "false");
        registry.add("ramparts.soc.posture.enabled", () -> "true");
        registry.add("ramparts.soc.posture.consumer-group", () -> GROUP);
        registry.add("ramparts.soc.posture.retry-backoff", () -> "100ms");
        registry.add("ramparts.soc.posture.firewall-silent-after", () -> "3h");
        registry.add("ramparts.soc.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("ramparts.soc.kafka.topics.events.name", () -> EVENTS_TOPIC);
        registry.add("ramparts.soc.units.pki-url", () -> RealPki.shared().url().toString());
        registry.add("ramparts.soc.units.pki-token-file", TOKEN_FILE::toString);
        registry.add("ramparts.soc.units.sync-interval", () -> "1h"); // tests run the sync themselves
    }

    @BeforeEach
    void cast() {
        if (accounts.find("pos-analyst").isEmpty()) {
            accounts.save("pos-analyst", PASSWORD, Set.of(Role.ANALYST), null, "test");
            accounts.save("pos-requester-bn", PASSWORD, Set.of(Role.REQUESTER), "BN-01", "test");
            accounts.save("pos-ra", PASSWORD, Set.of(Role.RA_OFFICER), null, "test");
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("soc-posture-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pki's side of the cast: units in two districts, seals, an ADMIN token for soc in {@link #TOKEN_FILE}. */
    public static final class PkiFixture {
        public static RealPki.Token token;
        public static String sealBenNghe;
        public static String sealDaKao;
        public static String sealVoThiSau;

        static synchronized void ensure() {
            if (token != null) {
                return;
            }
            RealPki pki = RealPki.shared();
            pki.importUnits("HCM,Thành phố Hồ Chí Minh,,\nQ1,Quận 1,HCM,\nBN-01,Phường Bến Nghé,Q1,\nDK-01,Phường Đa Kao,Q1,\n"
                    + "Q3,Quận 3,HCM,\nVTS-01,Phường Võ Thị Sáu,Q3,\n");
            sealBenNghe = pki.issueSeal("BN-01", "Phuong Ben Nghe");
            sealDaKao = pki.issueSeal("DK-01", "Phuong Da Kao");
            pki.revoke(sealDaKao);
            sealVoThiSau = pki.issueSeal("VTS-01", "Phuong Vo Thi Sau");
            token = pki.token("soc-unit-sync", "ADMIN");
            writeToken(token.secret());
        }

        public static void writeToken(String secret) {
            try {
                Files.writeString(TOKEN_FILE, secret + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
