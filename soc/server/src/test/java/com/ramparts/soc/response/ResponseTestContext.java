package com.ramparts.soc.response;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.ramparts.runtime.host.Ports;
import com.ramparts.soc.account.Accounts;
import com.ramparts.soc.account.Role;
import com.ramparts.soc.incident.IncidentActionTaken;
import com.ramparts.soc.incident.Incidents;
import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.testsupport.TestOpenSearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One soc for the response-action and incident-search tests, wired to the real parts it talks to: pki run from its
 * own jar as a separate process (with a token of role ADMIN made by pki's administrator), GreenMail as the SMTP
 * server, the shared OpenSearch node with an incidents index of its own. Kafka consumers are off: incidents are filed
 * by calling {@link Incidents#ingest} directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(TakenActionsConfiguration.class)
public abstract class ResponseTestContext {

    protected static final String PASSWORD = "correct horse battery staple";
    static final String DASHBOARD = "https://soc.example.test:8443";
    protected static final String INDEX = "incidents-test-" + UUID.randomUUID();
    private static final Path DATA_DIR = tempDir();

    /** One port for the JVM: the extension restarts GreenMail for each test class, the cached context keeps its port. */
    static final int SMTP_PORT = Ports.freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @Autowired
    protected Accounts accounts;
    @Autowired
    protected Incidents incidents;
    @Autowired
    protected SiteRegistry sites;
    @Autowired
    protected TakenActions taken;

    @DynamicPropertySource
    static void responseProperties(DynamicPropertyRegistry registry) {
        PkiProcess pki = PkiProcess.shared();
        String token = pki.createToken("soc-response-test");
        registry.add("ramparts.soc.data-dir", DATA_DIR::toString);
        registry.add("ramparts.soc.admin-credentials-file", () -> DATA_DIR.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.ingest.enabled", () -> "false");
        registry.add("ramparts.soc.correlation.enabled", () -> "false");
        registry.add("ramparts.soc.incidents.enabled", () -> "false");
        registry.add("ramparts.soc.open-search.url", () -> TestOpenSearch.shared().httpUri().toString());
        registry.add("ramparts.soc.incident-search.index", () -> INDEX);
        registry.add("ramparts.soc.incident-search.retry-backoff", () -> "200ms");
        registry.add("ramparts.soc.response.dashboard-url", () -> DASHBOARD);
        registry.add("ramparts.soc.response.pki.url", () -> pki.url().toString());
        registry.add("ramparts.soc.response.pki.token", () -> token);
        registry.add("ramparts.soc.response.mail.host", () -> "127.0.0.1");
        registry.add("ramparts.soc.response.mail.port", () -> SMTP_PORT);
        registry.add("ramparts.soc.response.mail.from", () -> "soc@ramparts.example.test");
    }

    @BeforeEach
    void cast() {
        if (accounts.find("resp-analyst").isEmpty()) {
            accounts.save("resp-analyst", PASSWORD, Set.of(Role.ANALYST), null, "test");
            accounts.save("resp-admin", PASSWORD, Set.of(Role.ADMIN), null, "test");
            accounts.save("resp-requester", PASSWORD, Set.of(Role.REQUESTER), "unit-r", "test");
            accounts.save("resp-ra", PASSWORD, Set.of(Role.RA_OFFICER), null, "test");
        }
    }

    /** Registers a site of unit-r whose contact is {@code contact}. */
    protected Site site(String siteId, String contact) {
        Site site = new Site(siteId, "unit-r", "Phường " + siteId, List.of("suricata.eve"),
                List.of(new Site.Contact("Nguyễn Văn An", contact, null)));
        sites.save(site);
        return site;
    }

    /**
     * Every {@link IncidentActionTaken} published, with the action's outcome as another connection saw it at that
     * moment: SUCCEEDED there means the transaction that recorded it had committed before the event went out.
     */
    static final class TakenActions {
        record Seen(IncidentActionTaken event, String committedOutcome) {
        }

        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final DataSource dataSource;

        TakenActions(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @EventListener
        void on(IncidentActionTaken event) throws SQLException {
            String outcome = null;
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("select outcome from incident_response_action"
                         + " where incident_id = ? and action = ? and target = ? order by id desc")) {
                select.setLong(1, event.incidentId());
                select.setString(2, event.action());
                select.setString(3, event.target());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        outcome = rows.getString(1);
                    }
                }
            }
            seen.add(new Seen(event, outcome));
        }

        List<Seen> of(long incidentId) {
            return seen.stream().filter(s -> s.event().incidentId() == incidentId).toList();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("soc-response-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
