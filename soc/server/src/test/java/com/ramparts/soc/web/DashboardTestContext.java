package com.ramparts.soc.web;

import com.ramparts.soc.account.Accounts;
import com.ramparts.soc.account.Role;
import com.ramparts.soc.index.EventIndices;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.testsupport.TestKafka;
import com.ramparts.testsupport.TestOpenSearch;
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
 * One soc for every dashboard test class (Spring caches the context): the real Kafka broker and OpenSearch node, with an
 * index prefix of its own, ingest off (tests write events straight into the event indices, through the
 * real index template), and a fixed cast of accounts, sites and events ({@link DashboardFixtures}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class DashboardTestContext {

    public static final String PASSWORD = "correct horse battery staple";
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final Path DATA_DIR = tempDir();

    @Autowired
    protected Accounts accounts;
    @Autowired
    protected SiteRegistry sites;
    @Autowired
    protected EventIndices indices;

    @DynamicPropertySource
    static void dashboard(DynamicPropertyRegistry registry) {
        registry.add("ramparts.soc.data-dir", DATA_DIR::toString);
        registry.add("ramparts.soc.admin-credentials-file", () -> DATA_DIR.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.ingest.enabled", () -> "false");
        registry.add("ramparts.soc.correlation.enabled", () -> "false");
        registry.add("ramparts.soc.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
        registry.add("ramparts.soc.open-search.url", () -> TestOpenSearch.shared().httpUri().toString());
        registry.add("ramparts.soc.open-search.index-prefix", () -> "dash-" + SUFFIX + "-events-");
    }

    @BeforeEach
    void fixtures() {
        DashboardFixtures.ensure(accounts, sites, indices);
    }

    protected static Set<Role> roles(Role... roles) {
        return Set.of(roles);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("soc-dashboard-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sites of the fixture; unit A has two, unit B one. */
    protected static Site site(String id) {
        return DashboardFixtures.SITES.stream().filter(site -> site.siteId().equals(id)).findFirst().orElseThrow();
    }
}
