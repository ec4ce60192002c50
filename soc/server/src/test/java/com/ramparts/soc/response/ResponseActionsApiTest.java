package com.ramparts.soc.response;

import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.incident.HistoryEntry;
import com.ramparts.soc.incident.IncidentActionTaken;
import com.ramparts.soc.incident.IncidentFilter;
import com.ramparts.soc.incident.IncidentStatus;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Response actions over {@code /api/v1/incidents/{id}/actions} against the real parts: a certificate revoked in the pki
 * process (read back from pki), an e-mail received by GreenMail, a site isolated and released in the registry.
 */
class ResponseActionsApiTest extends ResponseTestContext {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;

    private long incident(String siteId) {
        AlertMessage alert = new AlertMessage(AlertMessage.SCHEMA, UUID.randomUUID().toString().replace("-", ""), "correlation",
                "stolen-agent-key", "1", "Agent key used from two places", "high", 5, "temporal", List.of("T1552"),
                List.of("attack.credential_access"), Map.of(), siteId, "unit-r", List.of("e1"), 1,
                Instant.now().minusSeconds(60).toString(), Instant.now().toString(), 1, null, Instant.now().toString());
        incidents.ingest(alert);
        return incidents.list(new IncidentFilter(null, null, siteId, null, 0, 1)).items().getFirst().id();
    }

    private String act(long id, String json) {
        return "/api/v1/incidents/" + id + "/actions";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, PASSWORD));
    }

    private long actionRows(long id) {
        return jdbc.sql("select count(*) from incident_response_action where incident_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void revokingACertificateFromAnIncidentRevokesItInPki() throws Exception {
        String siteId = "site-revoke-" + System.nanoTime() % 100000;
        site(siteId, "it@phuong.example.test");
        long id = incident(siteId);
        String serial = PkiProcess.shared().issueAgentCertificate(siteId);
        assertThat(PkiProcess.shared().certificate(serial).get("status").asString()).isEqualTo("VALID");

        String body = "{\"action\":\"revoke_certificate\",\"serial\":\"" + serial.toUpperCase() + "\",\"confirm\":true}";
        mvc.perform(as("resp-analyst", json(post(act(id, body)), body)).header("Idempotency-Key", "click-" + id + "-revoke"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.action").value("revoke_certificate"))
                .andExpect(jsonPath("$.target").value(serial))
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED"))
                .andExpect(jsonPath("$.actor").value("resp-analyst"))
                .andExpect(jsonPath("$.repeated").value(false));

        var certificate = PkiProcess.shared().certificate(serial);
        assertThat(certificate.get("status").asString()).isEqualTo("REVOKED");
        assertThat(certificate.get("revocationReason").asString()).isEqualTo("keyCompromise");

        // the double click: same key, answered from the record, pki not asked again
        mvc.perform(as("resp-analyst", json(post(act(id, body)), body)).header("Idempotency-Key", "click-" + id + "-revoke"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED"))
                .andExpect(jsonPath("$.repeated").value(true));
        assertThat(actionRows(id)).isEqualTo(1);

        // a new request for the same certificate: pki says it is revoked already, recorded as a failure
        mvc.perform(as("resp-admin", json(post(act(id, body)), body)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CERTIFICATE_ALREADY_REVOKED"));
        assertThat(actionRows(id)).isEqualTo(2);

        List<HistoryEntry> history = incidents.find(id).orElseThrow().history();
        assertThat(history).filteredOn(h -> h.action().equals("RESPONSE")).extracting(HistoryEntry::detail)
                .anySatisfy(d -> assertThat(d).startsWith("revoke_certificate " + serial + ": succeeded"))
                .anySatisfy(d -> assertThat(d).contains("failed (CERTIFICATE_ALREADY_REVOKED"));
        var published = taken.of(id);
        assertThat(published).hasSize(1);
        IncidentActionTaken event = published.getFirst().event();
        assertThat(event.action()).isEqualTo(IncidentActionTaken.REVOKE_CERTIFICATE);
        assertThat(event.target()).isEqualTo(serial);
        assertThat(event.actor()).isEqualTo("resp-analyst");
        assertThat(published.getFirst().committedOutcome()).as("published after the commit").isEqualTo("SUCCEEDED");

        mvc.perform(as("resp-analyst", get("/api/v1/incidents/" + id + "/actions"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].outcome").value("SUCCEEDED"))
                .andExpect(jsonPath("$[1].outcome").value("FAILED"))
                .andExpect(jsonPath("$[1].errorCode").value("CERTIFICATE_ALREADY_REVOKED"));
    }

    @Test
    void aSerialPkiDoesNotKnowIsReportedAndRecorded() throws Exception {
        String siteId = "site-unknown-" + System.nanoTime() % 100000;
        long id = incident(siteId);
        String body = "{\"action\":\"revoke_certificate\",\"serial\":\"7fffffffffffffffffffffffffffff01\",\"confirm\":true}";
        mvc.perform(as("resp-analyst", json(post(act(id, body)), body)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CERTIFICATE_NOT_FOUND"));
        assertThat(jdbc.sql("select outcome from incident_response_action where incident_id = ?").param(id).query(String.class).list())
                .containsExactly("FAILED");
        assertThat(taken.of(id)).isEmpty();
    }

    @Test
    void hostileAndMalformedRequestsAreRefusedAndChangeNothing() throws Exception {
        String siteId = "site-hostile-" + System.nanoTime() % 100000;
        site(siteId, "it@phuong.example.test");
        long id = incident(siteId);
        String url = "/api/v1/incidents/" + id + "/actions";
        List<String> serials = List.of("../../tokens", "..%2F..%2Fapi%2Fv1%2Ftokens", "1a/2b", "1a 2b", "１２３", "1a\r\nX-Evil: 1",
                "g1", "", "0", "00:00", "1".repeat(41), "a".repeat(65), "1a;drop table incident", "${jndi:ldap://x}", "-1a",
                "1a%00");
        for (String serial : serials) {
            String body = "{\"action\":\"revoke_certificate\",\"serial\":" + quote(serial) + ",\"confirm\":true}";
            mvc.perform(as("resp-analyst", json(post(url), body))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_SERIAL"));
        }
        Map<String, String> refused = Map.of(
                "{\"action\":\"format_disk\",\"confirm\":true}", "UNKNOWN_ACTION",
                "{\"action\":\"REVOKE_CERTIFICATE\",\"serial\":\"1a\",\"confirm\":true}", "UNKNOWN_ACTION",
                "{\"action\":\"isolate_site\"}", "CONFIRMATION_REQUIRED",
                "{\"action\":\"isolate_site\",\"confirm\":false}", "CONFIRMATION_REQUIRED",
                "{\"action\":\"isolate_site\",\"confirm\":true,\"force\":true}", "UNKNOWN_FIELD",
                "{\"action\":\"isolate_site\",\"confirm\":tru", "MALFORMED_BODY",
                "[\"isolate_site\"]", "MALFORMED_BODY",
                "{\"action\":\"revoke_certificate\",\"serial\":\"1a\",\"reason\":\"cACompromise\",\"confirm\":true}", "INVALID_REASON",
                "{\"action\":\"notify_unit\",\"message\":\"" + "x".repeat(2001) + "\",\"confirm\":true}", "MESSAGE_TOO_LONG");
        for (var request : refused.entrySet()) {
            mvc.perform(as("resp-analyst", json(post(url), request.getKey()))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value(request.getValue()));
        }
        String huge = "{\"action\":\"notify_unit\",\"confirm\":true,\"message\":\"" + "x".repeat(20_000) + "\"}";
        mvc.perform(as("resp-analyst", json(post(url), huge))).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("BODY_TOO_LARGE"));
        mvc.perform(as("resp-analyst", post(url).contentType(MediaType.TEXT_PLAIN).content("isolate_site")))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        mvc.perform(as("resp-analyst", json(post(url), "{\"action\":\"isolate_site\",\"confirm\":true}")).header("Idempotency-Key", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_REQUEST_KEY"));
        mvc.perform(as("resp-analyst", json(post("/api/v1/incidents/abc/actions"), "{}"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BAD_ID"));
        mvc.perform(as("resp-analyst", json(post("/api/v1/incidents/999999999/actions"), "{\"action\":\"isolate_site\",\"confirm\":true}")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("INCIDENT_NOT_FOUND"));
        // roles: requesters and RA officers may not act, nobody may act anonymously
        String isolate = "{\"action\":\"isolate_site\",\"confirm\":true}";
        mvc.perform(as("resp-requester", json(post(url), isolate))).andExpect(status().isForbidden());
        mvc.perform(as("resp-ra", json(post(url), isolate))).andExpect(status().isForbidden());
        mvc.perform(json(post(url), isolate)).andExpect(status().isUnauthorized());

        assertThat(actionRows(id)).isZero();
        assertThat(sites.isolation(siteId)).isEmpty();
        assertThat(incidents.find(id).orElseThrow().history()).noneMatch(h -> h.action().equals("RESPONSE"));
        assertThat(MAIL.getReceivedMessagesForDomain("phuong.example.test")).isEmpty();
    }

    @Test
    void notifyingTheUnitEmailsItsContactInVietnameseAndEnglishOnceForADoubleClick() throws Exception {
        String siteId = "site-mail-" + System.nanoTime() % 100000;
        site(siteId, "truong.phong@phuong-7.example.test");
        long id = incident(siteId);
        String body = "{\"action\":\"notify_unit\",\"message\":\"Hãy rút cáp mạng máy chủ.\",\"confirm\":true}";
        CountDownLatch start = new CountDownLatch(1);
        Callable<MvcResult> click = () -> {
            start.await(10, TimeUnit.SECONDS);
            return mvc.perform(as("resp-analyst", json(post("/api/v1/incidents/" + id + "/actions"), body))
                    .header("Idempotency-Key", "render-" + id)).andReturn();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            Future<MvcResult> one = pool.submit(click);
            Future<MvcResult> two = pool.submit(click);
            start.countDown();
            statuses.add(one.get(60, TimeUnit.SECONDS).getResponse().getStatus());
            statuses.add(two.get(60, TimeUnit.SECONDS).getResponse().getStatus());
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        assertThat(actionRows(id)).isEqualTo(1);
        MimeMessage[] received = MAIL.getReceivedMessagesForDomain("phuong-7.example.test");
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[Ramparts] Sự cố #" + id + " / Incident #" + id + ": Agent key used from two places");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("soc@ramparts.example.test");
        String text = mail.getContent().toString();
        assertThat(text)
                .contains("Trung tâm SOC của thành phố đã mở sự cố #" + id)
                .contains("Mức độ: nghiêm trọng")
                .contains("The city SOC opened incident #" + id)
                .contains("Severity: critical")
                .contains("Site: " + siteId)
                .contains(DASHBOARD + "/incidents/" + id)
                .contains("Hãy rút cáp mạng máy chủ.")
                .contains("resp-analyst");
        assertThat(text.indexOf("Trung tâm SOC")).isLessThan(text.indexOf("The city SOC"));
        assertThat(taken.of(id)).extracting(s -> s.event().action()).containsExactly(IncidentActionTaken.NOTIFY_UNIT);
        assertThat(taken.of(id).getFirst().event().target()).isEqualTo("unit-r");
    }

    @Test
    void isolatingASiteMarksItInTheRegistryUntilReleased() throws Exception {
        String siteId = "site-iso-" + System.nanoTime() % 100000;
        site(siteId, "it@phuong.example.test");
        long id = incident(siteId);
        String url = "/api/v1/incidents/" + id + "/actions";
        mvc.perform(as("resp-analyst", json(post(url), "{\"action\":\"isolate_site\",\"message\":\"ransomware spreading\",\"confirm\":true}")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.target").value(siteId))
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED"));
        assertThat(sites.isolation(siteId)).hasValueSatisfying(isolation -> {
            assertThat(isolation.incidentId()).isEqualTo(id);
            assertThat(isolation.isolatedBy()).isEqualTo("resp-analyst");
            assertThat(isolation.reason()).isEqualTo("ransomware spreading");
        });
        mvc.perform(as("resp-analyst", json(post(url), "{\"action\":\"isolate_site\",\"confirm\":true}")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("SITE_ALREADY_ISOLATED"));
        // release works after the incident is resolved too
        incidents.transition(id, "resp-analyst", IncidentStatus.FALSE_POSITIVE, null);
        mvc.perform(as("resp-analyst", json(post(url), "{\"action\":\"isolate_site\",\"confirm\":true}")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INCIDENT_CLOSED"));
        mvc.perform(as("resp-admin", json(post(url), "{\"action\":\"release_site\",\"confirm\":true}")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.action").value("release_site"));
        assertThat(sites.isolation(siteId)).isEmpty();
        mvc.perform(as("resp-admin", json(post(url), "{\"action\":\"release_site\",\"confirm\":true}")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("SITE_NOT_ISOLATED"));
        // release is not a response drills score
        assertThat(taken.of(id)).extracting(s -> s.event().action()).containsExactly(IncidentActionTaken.ISOLATE_SITE);
        assertThat(incidents.find(id).orElseThrow().history()).filteredOn(h -> h.action().equals("RESPONSE"))
                .extracting(HistoryEntry::detail).hasSize(2);
    }

    @Test
    void anIncidentWithoutARegisteredSiteOrContactCannotBeIsolatedOrNotified() throws Exception {
        long id = incident("site-nowhere-" + System.nanoTime() % 100000);
        String url = "/api/v1/incidents/" + id + "/actions";
        mvc.perform(as("resp-analyst", json(post(url), "{\"action\":\"isolate_site\",\"confirm\":true}")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("SITE_NOT_REGISTERED"));
        assertThat(actionRows(id)).isZero();
    }

    private static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
