package com.ramparts.soc.web.events;

import com.ramparts.soc.web.DashboardFixtures;
import com.ramparts.soc.web.DashboardTestContext;
import com.ramparts.telemetry.event.TelemetryEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The events page and API against the real OpenSearch node, with the fixture events indexed. */
class EventSearchTest extends DashboardTestContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void anAnalystFindsEventsByFieldPhraseFreeTextAndFilter() throws Exception {
        assertThat(total(DashboardFixtures.ANALYST, "rule.name:\"ET SCAN Nmap\"")).isEqualTo(12);
        assertThat(total(DashboardFixtures.ANALYST, "ssh")).isEqualTo(5);
        assertThat(total(DashboardFixtures.ANALYST, "\"dropped ssh\" destination.port:22 source.ip:203.0.113.0/24")).isEqualTo(5);
        assertThat(total(DashboardFixtures.ANALYST, "rule.name:ET* -rule.name:\"ET SCAN Nmap\"")).isEqualTo(6); // curl, unit b, ghost
        assertThat(total(DashboardFixtures.ANALYST, "labels.site_status:unregistered")).isZero(); // written directly, not through the enricher
        JsonNode everything = search(DashboardFixtures.ANALYST, "range=24h");
        assertThat(everything.path("total").asLong()).isEqualTo(DashboardFixtures.events().size());
        long histogramSum = 0;
        for (JsonNode bucket : everything.path("histogram")) {
            histogramSum += bucket.path("count").asLong();
        }
        assertThat(histogramSum).as("the histogram counts every match").isEqualTo(DashboardFixtures.events().size());
        assertThat(search(DashboardFixtures.ANALYST, "dataset=iptables.log").path("total").asLong()).isEqualTo(5);
        assertThat(search(DashboardFixtures.ANALYST, "site=district-9&kind=alert").path("total").asLong()).isEqualTo(4);
    }

    @Test
    void resultsComeNewestFirstInPagesOfFifty() throws Exception {
        JsonNode page = search(DashboardFixtures.ANALYST, "range=24h");
        List<String> times = new ArrayList<>();
        page.path("events").forEach(e -> times.add(e.path("timestamp").asString()));
        assertThat(times).isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));
        assertThat(page.path("pageSize").asInt()).isEqualTo(50);
    }

    @Test
    void aRequesterSeesOnlyItsUnitWhateverItTypes() throws Exception {
        int unitA = DashboardFixtures.eventsOf("unit-a").size();
        assertThat(total(DashboardFixtures.REQUESTER_A, "")).isEqualTo(unitA);
        assertThat(total(DashboardFixtures.REQUESTER_A, "ramparts.unit_id:unit-b")).isZero();
        assertThat(total(DashboardFixtures.REQUESTER_A, "-ramparts.unit_id:unit-a")).isZero();
        assertThat(total(DashboardFixtures.REQUESTER_A, "\"secret of unit b\"")).isZero();
        assertThat(total(DashboardFixtures.REQUESTER_A, "ramparts.site_id:district-9")).isZero();
        assertThat(search(DashboardFixtures.REQUESTER_A, "site=district-9").path("total").asLong()).isZero();
        assertThat(total(DashboardFixtures.REQUESTER_B, "")).isEqualTo(DashboardFixtures.eventsOf("unit-b").size());

        TelemetryEvent foreign = DashboardFixtures.eventsOf("unit-b").getFirst();
        mvc.perform(get("/api/events/{id}", foreign.id().toString()).with(httpBasic(DashboardFixtures.REQUESTER_A, PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/events/document").param("id", foreign.id().toString())
                        .with(user(users.loadUserByUsername(DashboardFixtures.REQUESTER_A))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/events/{id}", foreign.id().toString()).with(httpBasic(DashboardFixtures.REQUESTER_B, PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void anEventOpensWithItsFullDocument() throws Exception {
        TelemetryEvent event = DashboardFixtures.eventsOf("unit-a").getFirst();
        String html = mvc.perform(get("/events/document").param("id", event.id().toString()).header("HX-Request", "true")
                        .with(user(users.loadUserByUsername(DashboardFixtures.ANALYST))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<html").contains(event.id().toString()).contains("&quot;original&quot;").contains("ET SCAN Nmap");
        String json = mvc.perform(get("/api/events/{id}", event.id().toString()).with(httpBasic(DashboardFixtures.ANALYST, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains(event.id().toString()).contains("ET SCAN Nmap");
    }

    @Test
    void badSearchesAreA400WithTheRuleNamedAndTheIndicesUntouched() throws Exception {
        long before = search(DashboardFixtures.ANALYST, "range=30d").path("total").asLong();
        for (String bad : List.of("secret.field:1", "x".repeat(600), "{\"query\":{\"match_all\":{}}}", "source.ip:1.2.3.4.5",
                "*:*", "rule.name:a\" OR \"b")) {
            String body = mvc.perform(get("/api/events").param("q", bad).param("lang", "en")
                            .with(httpBasic(DashboardFixtures.ANALYST, PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString();
            JsonNode error = JSON.readTree(body);
            assertThat(error.path("error").asString()).as(bad).startsWith("search.error.");
            assertThat(error.path("message").asString()).as(bad).isNotBlank();
        }
        mvc.perform(get("/api/events").param("range", "forever").with(httpBasic(DashboardFixtures.ANALYST, PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/events").param("site", "ward-1\" OR 1=1").with(httpBasic(DashboardFixtures.ANALYST, PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/events").param("page", "999").with(httpBasic(DashboardFixtures.ANALYST, PASSWORD)))
                .andExpect(status().isBadRequest());
        assertThat(search(DashboardFixtures.ANALYST, "range=30d").path("total").asLong()).isEqualTo(before);
    }

    @Test
    void theEventsPageShowsARefusedSearchInTheViewerLanguage() throws Exception {
        var analyst = users.loadUserByUsername(DashboardFixtures.ANALYST);
        String vietnamese = mvc.perform(get("/events").param("q", "secret.field:1").with(user(analyst)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(vietnamese).contains("Sự kiện không có trường secret.field");
        String english = mvc.perform(get("/events").param("q", "secret.field:1").param("lang", "en").with(user(analyst)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("There is no field secret.field in the events");
    }

    @Test
    void theEventsPageRendersTheHistogramAndTheTable() throws Exception {
        String html = mvc.perform(get("/events").param("q", "rule.name:\"ET SCAN Nmap\"")
                        .with(user(users.loadUserByUsername(DashboardFixtures.ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-chart=").contains("&quot;type&quot;:&quot;histogram&quot;")
                .contains("12 sự kiện").contains("ward-1").contains("hx-get=\"/events/document?id=");
    }

    private long total(String username, String query) throws Exception {
        return search(username, "q=" + query).path("total").asLong();
    }

    /** @param parameters {@code name=value&name=value}, values unencoded */
    private JsonNode search(String username, String parameters) throws Exception {
        var request = get("/api/events").with(httpBasic(username, PASSWORD));
        for (String parameter : parameters.split("&")) {
            int equals = parameter.indexOf('=');
            request.param(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }
}
