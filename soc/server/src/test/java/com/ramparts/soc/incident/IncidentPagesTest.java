package com.ramparts.soc.incident;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard's queue and incident page, in both languages, and its actions. */
class IncidentPagesTest extends IncidentTestContext {

    @Autowired
    private MockMvc mvc;

    @Test
    void analystsSeeTheQueueAndWorkAnIncidentFromItsPage() throws Exception {
        String site = "site-page-" + System.nanoTime();
        incidents.ingest(Alerts.alert("brute-force", 5, site, "unit-a", Instant.now()));
        incidents.ingest(Alerts.alert("brute-force", 5, site, "unit-a", Instant.now()));
        long id = incidents.list(new IncidentFilter(null, null, site, null, 0, 1)).items().getFirst().id();

        mvc.perform(get("/incidents?severity=5&status=new&lang=en").with(user("inc-analyst").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/incidents/" + id)))
                .andExpect(content().string(containsString("1 repeats")));
        mvc.perform(get("/incidents/" + id + "?lang=vi").with(user("inc-analyst").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tiếp nhận")))
                .andExpect(content().string(containsString("nghiêm trọng")));

        mvc.perform(post("/incidents/" + id + "/transition").param("to", "resolved")
                        .with(user("inc-analyst").roles("ANALYST")).with(csrf()))
                .andExpect(redirectedUrl("/incidents/" + id))
                .andExpect(flash().attribute("error", "incidents.error.ILLEGAL_TRANSITION"));
        assertThat(incidents.find(id).orElseThrow().incident().status()).isEqualTo(IncidentStatus.NEW);
        mvc.perform(post("/incidents/" + id + "/acknowledge").with(user("inc-analyst").roles("ANALYST")))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/incidents/" + id + "/acknowledge").with(user("inc-analyst").roles("ANALYST")).with(csrf()))
                .andExpect(redirectedUrl("/incidents/" + id));
        assertThat(incidents.find(id).orElseThrow().incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        mvc.perform(get("/incidents").with(user("inc-requester-a").roles("REQUESTER"))).andExpect(status().isForbidden());
    }
}
