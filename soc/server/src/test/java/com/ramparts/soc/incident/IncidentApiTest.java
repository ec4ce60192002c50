package com.ramparts.soc.incident;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API: roles, requester scoping, the lifecycle over HTTP, and refusals that change nothing. */
class IncidentApiTest extends IncidentTestContext {

    @Autowired
    private MockMvc mvc;

    private String site;
    private long unitA;
    private long unitB;

    @BeforeEach
    void twoIncidents() {
        site = "site-api-" + System.nanoTime();
        Instant now = Instant.now();
        incidents.ingest(Alerts.alert("brute-force", 5, site, "unit-a", now));
        incidents.ingest(Alerts.alert("brute-force", 3, site + "-b", "unit-b", now));
        unitA = incidents.list(new IncidentFilter(null, null, site, null, 0, 1)).items().getFirst().id();
        unitB = incidents.list(new IncidentFilter(null, null, site + "-b", null, 0, 1)).items().getFirst().id();
    }

    @Test
    void requestersSeeOnlyTheirUnitAndCannotAct() throws Exception {
        mvc.perform(as("inc-requester-a", get("/api/v1/incidents?site=" + site + "-b"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as("inc-requester-a", get("/api/v1/incidents?unit=unit-b"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(as("inc-requester-a", get("/api/v1/incidents?site=" + site))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(as("inc-requester-a", get("/api/v1/incidents/" + unitA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.unitId").value("unit-a"));
        mvc.perform(as("inc-requester-a", get("/api/v1/incidents/" + unitB))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("INCIDENT_NOT_FOUND"));
        mvc.perform(as("inc-requester-a", post("/api/v1/incidents/" + unitA + "/acknowledge"))).andExpect(status().isForbidden());
        mvc.perform(as("inc-ra", get("/api/v1/incidents"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/incidents")).andExpect(status().isUnauthorized());
        assertThat(incidents.find(unitA).orElseThrow().incident().status()).isEqualTo(IncidentStatus.NEW);
    }

    @Test
    void analystsWorkAnIncidentThroughItsLifecycle() throws Exception {
        mvc.perform(as("inc-analyst", get("/api/v1/incidents?site=" + site + "&status=new&severity=5")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].sla.breached").value(false));
        mvc.perform(as("inc-analyst", post("/api/v1/incidents/" + unitA + "/acknowledge"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED")).andExpect(jsonPath("$.owner").value("inc-analyst"));
        mvc.perform(as("inc-admin", json(post("/api/v1/incidents/" + unitA + "/assign"), "{\"owner\":\"inc-analyst-2\"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.owner").value("inc-analyst-2"));
        mvc.perform(as("inc-analyst", json(post("/api/v1/incidents/" + unitA + "/transition"), "{\"to\":\"investigating\"}")))
                .andExpect(status().isOk());
        mvc.perform(as("inc-analyst", json(post("/api/v1/incidents/" + unitA + "/notes"), "{\"text\":\"called the ward\"}")))
                .andExpect(status().isOk());
        mvc.perform(as("inc-analyst", get("/api/v1/incidents/" + unitA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.alerts.length()").value(1))
                .andExpect(jsonPath("$.history.length()").value(5))
                .andExpect(jsonPath("$.history[4].detail").value("called the ward"));
    }

    @Test
    void badRequestsAreRefusedWithStableCodesAndChangeNothing() throws Exception {
        IncidentDetail before = incidents.find(unitA).orElseThrow();
        String transition = "/api/v1/incidents/" + unitA + "/transition";
        mvc.perform(as("inc-analyst", json(post(transition), "{\"to\":\"resolved\"}")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        mvc.perform(as("inc-analyst", json(post(transition), "{\"to\":\"acknowledged\",\"force\":true}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(as("inc-analyst", json(post(transition), "{\"to\":\"done\"}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        mvc.perform(as("inc-analyst", json(post(transition), "[1,2")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_BODY"));
        mvc.perform(as("inc-analyst", json(post("/api/v1/incidents/" + unitA + "/notes"),
                        "{\"text\":\"" + "x".repeat(Incidents.MAX_NOTE + 1) + "\"}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("NOTE_TOO_LONG"));
        mvc.perform(as("inc-analyst", json(post("/api/v1/incidents/" + unitA + "/assign"), "{\"owner\":\"inc-requester-a\"}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_OWNER"));
        mvc.perform(as("inc-analyst", get("/api/v1/incidents/not-a-number")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("BAD_ID"));
        mvc.perform(as("inc-analyst", post("/api/v1/incidents/999999999/acknowledge")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("INCIDENT_NOT_FOUND"));
        mvc.perform(as("inc-analyst", get("/api/v1/incidents?size=100000")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        mvc.perform(as("inc-analyst", get("/api/v1/incidents?status=open")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        assertThat(incidents.find(unitA).orElseThrow()).isEqualTo(before);
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, PASSWORD));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
