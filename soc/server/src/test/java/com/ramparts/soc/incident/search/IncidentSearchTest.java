package com.ramparts.soc.incident.search;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.incident.IncidentDocument;
import com.ramparts.soc.incident.IncidentFilter;
import com.ramparts.soc.response.ResponseTestContext;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Incidents in the real OpenSearch: written on change, found by free text through the API and the queue, rebuilt from SQL. */
class IncidentSearchTest extends ResponseTestContext {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private OpenSearchClient client;
    @Autowired
    private IncidentIndex index;

    private long incident(String site, String unit, String title) {
        AlertMessage alert = new AlertMessage(AlertMessage.SCHEMA, UUID.randomUUID().toString().replace("-", ""), "correlation",
                "rule-" + site, "1", title, "high", 4, "event_count", List.of("T1110"), List.of("attack.credential_access"),
                Map.of(), site, unit, List.of("e1"), 1, Instant.now().minusSeconds(30).toString(), Instant.now().toString(), 1,
                null, Instant.now().toString());
        incidents.ingest(alert);
        return incidents.list(new IncidentFilter(null, null, site, null, 0, 1)).items().getFirst().id();
    }

    private long hits(String user, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/incidents/search").param("q", query).with(httpBasic(user, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
    }

    @Test
    void anIncidentIsFoundByItsTitleRuleAndNotesAndReindexedWhenItChanges() throws Exception {
        String word = "zebra" + System.nanoTime();
        String site = "site-search-" + System.nanoTime() % 100000;
        long id = incident(site, "unit-r", "Brute force on " + word + " mail server");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hits("resp-analyst", word)).isEqualTo(1));
        mvc.perform(get("/api/v1/incidents/search").param("q", word).with(httpBasic("resp-analyst", PASSWORD)))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].status").value("NEW"));
        assertThat(hits("resp-analyst", "rule-" + site)).isEqualTo(1);

        String noteWord = "okapi" + System.nanoTime();
        incidents.note(id, "resp-analyst", "the " + noteWord + " account was disabled");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hits("resp-analyst", noteWord)).isEqualTo(1));
        // the queue's free-text filter and the list's q use the same search, with the other filters
        mvc.perform(get("/api/v1/incidents").param("q", noteWord).param("status", "resolved").with(httpBasic("resp-analyst", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/incidents").param("q", noteWord).param("status", "new").with(httpBasic("resp-analyst", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/incidents").param("q", word).param("lang", "en").with(user("resp-analyst").roles("ANALYST")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/incidents/" + id)));
        mvc.perform(get("/incidents").param("q", "nothing-like-this-" + word).param("lang", "en").with(user("resp-analyst").roles("ANALYST")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/incidents/" + id + "\""))));
    }

    @Test
    void requestersFindOnlyTheirUnitsIncidents() throws Exception {
        String word = "quokka" + System.nanoTime();
        incident("site-own-" + System.nanoTime() % 100000, "unit-r", "Malware " + word + " at home");
        incident("site-other-" + System.nanoTime() % 100000, "unit-x", "Malware " + word + " elsewhere");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hits("resp-analyst", word)).isEqualTo(2));
        assertThat(hits("resp-requester", word)).isEqualTo(1);
        mvc.perform(get("/api/v1/incidents/search").param("q", word).param("unit", "unit-x").with(httpBasic("resp-requester", PASSWORD)))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void hostileSearchTextIsRefusedOrHarmless() throws Exception {
        for (String harmless : List.of("(((", "\"unterminated", "*", "site_id:*", "<script>alert(1)</script>", "a OR b AND -c |",
                "'; drop table incident; --", "{\"query\":{\"match_all\":{}}}", "Sự cố nghiêm trọng")) {
            mvc.perform(get("/api/v1/incidents/search").param("q", harmless).with(httpBasic("resp-analyst", PASSWORD)))
                    .andExpect(status().isOk());
        }
        for (String refused : List.of("x".repeat(201), "line\nbreak", "nul\u0000", " ")) {
            mvc.perform(get("/api/v1/incidents/search").param("q", refused).with(httpBasic("resp-analyst", PASSWORD)))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        }
        mvc.perform(get("/api/v1/incidents/search").with(httpBasic("resp-analyst", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        mvc.perform(get("/api/v1/incidents/search").param("q", "x").param("page", "100").param("size", "200")
                .with(httpBasic("resp-analyst", PASSWORD))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/incidents/search").param("q", "x").with(httpBasic("resp-ra", PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMissingIndexIsRebuiltFromSqlAndWritesAreIdempotentByIncidentId() throws Exception {
        long one = incident("site-rebuild-" + System.nanoTime() % 100000, "unit-r", "Rebuild me");
        IncidentIndex fresh = new IncidentIndex(client, "incidents-rebuild-" + UUID.randomUUID());
        IncidentIndexer indexer = new IncidentIndexer(incidents, fresh,
                new SocProperties.IncidentSearch(true, fresh.name(), Duration.ofMillis(200)));
        assertThat(fresh.exists()).isFalse();

        assertThat(indexer.prepare()).isTrue();

        long inSql = incidents.ids(0, 1_000_000).size();
        assertThat(indexer.rebuilt()).isEqualTo(inSql);
        assertThat(count(fresh)).isEqualTo(inSql);
        assertThat(fresh.search("Rebuild", null, null, null, null, 0, 50).ids()).contains(one);
        assertThat(indexer.prepare()).as("an existing index is left as it is").isFalse();

        // the same revision again, and an older one, change nothing; a newer one replaces
        IncidentDocument current = incidents.document(one).orElseThrow();
        IncidentIndex.Written again = fresh.write(List.of(current), List.of());
        assertThat(again.alreadyNewer()).isEqualTo(1);
        IncidentDocument older = new IncidentDocument(current.incident(), current.revision() - 1, current.rules(), current.history());
        assertThat(fresh.write(List.of(older), List.of()).alreadyNewer()).isEqualTo(1);
        incidents.note(one, "resp-analyst", "rebuilt and found again");
        IncidentDocument newer = incidents.document(one).orElseThrow();
        assertThat(newer.revision()).isGreaterThan(current.revision());
        assertThat(fresh.write(List.of(newer), List.of()).written()).isEqualTo(1);
        fresh.refresh();
        assertThat(count(fresh)).isEqualTo(inSql);
        assertThat(fresh.search("found again", null, null, null, null, 0, 10).ids()).containsExactly(one);
        client.indices().delete(d -> d.index(fresh.name()));
        client.indices().deleteIndexTemplate(d -> d.name(fresh.name() + "-template"));
    }

    private long count(IncidentIndex target) throws Exception {
        target.refresh();
        return client.count(c -> c.index(target.name())).count();
    }
}
