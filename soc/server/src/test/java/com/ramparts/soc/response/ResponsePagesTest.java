package com.ramparts.soc.response;

import com.ramparts.soc.correlation.alert.AlertMessage;
import com.ramparts.soc.incident.IncidentFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The response actions on the incident page: buttons, the confirmation step, PRG, double submits, the site pages. */
class ResponsePagesTest extends ResponseTestContext {

    private static final Pattern REQUEST_KEY = Pattern.compile("name=\"requestKey\" value=\"([0-9a-f-]{36})\"");

    @Autowired
    private MockMvc mvc;

    private long incident(String siteId) {
        AlertMessage alert = new AlertMessage(AlertMessage.SCHEMA, UUID.randomUUID().toString().replace("-", ""), "correlation",
                "ransomware-note", "1", "Ransom note written", "critical", 5, "sigma", List.of("T1486"), List.of("attack.impact"),
                Map.of(), siteId, "unit-r", List.of("e1"), 1, Instant.now().minusSeconds(60).toString(), Instant.now().toString(), 1,
                null, Instant.now().toString());
        incidents.ingest(alert);
        return incidents.list(new IncidentFilter(null, null, siteId, null, 0, 1)).items().getFirst().id();
    }

    private static MockHttpServletRequestBuilder analyst(MockHttpServletRequestBuilder request) {
        return request.with(user("resp-analyst").roles("ANALYST"));
    }

    @Test
    void anAnalystConfirmsAndIsolatesASiteFromTheIncidentPageOnceForADoubleSubmit() throws Exception {
        String siteId = "site-page-" + System.nanoTime() % 100000;
        site(siteId, "it.phuong@example.test");
        long id = incident(siteId);

        String page = mvc.perform(analyst(get("/incidents/" + id + "?lang=en"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Revoke the certificate"), containsString("Notify the unit by e-mail"),
                        containsString("Isolate site " + siteId), containsString("Goes to: it.phuong@example.test"))))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(analyst(get("/incidents/" + id + "?lang=vi"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Thu hồi chứng thư"), containsString("Cô lập điểm " + siteId),
                        containsString("Hành động ứng phó"))));
        Matcher key = REQUEST_KEY.matcher(page);
        assertThat(key.find()).isTrue();
        String requestKey = key.group(1);

        // step one: the confirmation, as an htmx panel and as a page of its own; it changes nothing
        mvc.perform(analyst(post("/incidents/" + id + "/actions/confirm")).with(csrf()).header("HX-Request", "true")
                        .param("action", "isolate_site").param("requestKey", requestKey).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mark site " + siteId + " isolated in the site registry."),
                        containsString("name=\"confirm\" value=\"true\""), not(containsString("<html")))));
        mvc.perform(analyst(post("/incidents/" + id + "/actions/confirm")).with(csrf())
                        .param("action", "isolate_site").param("requestKey", requestKey).param("lang", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("Xác nhận và thực hiện"))));
        assertThat(sites.isolation(siteId)).isEmpty();

        // step two, unconfirmed: refused
        mvc.perform(analyst(post("/incidents/" + id + "/actions")).with(csrf()).param("action", "isolate_site")
                        .param("requestKey", requestKey))
                .andExpect(redirectedUrl("/incidents/" + id))
                .andExpect(flash().attribute("error", "response.error.CONFIRMATION_REQUIRED"));
        assertThat(sites.isolation(siteId)).isEmpty();
        // no CSRF token, or not an analyst: refused
        mvc.perform(analyst(post("/incidents/" + id + "/actions")).param("action", "isolate_site").param("confirm", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/incidents/" + id + "/actions").with(user("resp-requester").roles("REQUESTER")).with(csrf())
                .param("action", "isolate_site").param("confirm", "true")).andExpect(status().isForbidden());
        assertThat(sites.isolation(siteId)).isEmpty();

        // confirmed, twice from the same rendering (a double click): acts once
        mvc.perform(analyst(post("/incidents/" + id + "/actions")).with(csrf()).param("action", "isolate_site")
                        .param("requestKey", requestKey).param("confirm", "true"))
                .andExpect(redirectedUrl("/incidents/" + id)).andExpect(flash().attribute("responseDone", "incidents.response.done"));
        mvc.perform(analyst(post("/incidents/" + id + "/actions")).with(csrf()).param("action", "isolate_site")
                        .param("requestKey", requestKey).param("confirm", "true"))
                .andExpect(redirectedUrl("/incidents/" + id)).andExpect(flash().attribute("responseDone", "incidents.response.repeated"));
        assertThat(sites.isolation(siteId)).isPresent();
        assertThat(taken.of(id)).hasSize(1);

        mvc.perform(analyst(get("/incidents/" + id + "?lang=en"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"site-isolated\""), containsString("Release site " + siteId),
                        containsString("isolate site"), not(containsString("Isolate site " + siteId)))));
        mvc.perform(analyst(get("/sites?lang=en"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("tag silent isolated")));
        mvc.perform(analyst(get("/sites?lang=vi"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("bị cô lập")));
    }

    @Test
    void aBadSerialFromThePageIsRefusedWithItsMessage() throws Exception {
        String siteId = "site-page-bad-" + System.nanoTime() % 100000;
        long id = incident(siteId);
        mvc.perform(analyst(post("/incidents/" + id + "/actions")).with(csrf()).param("action", "revoke_certificate")
                        .param("serial", "../../api/v1/tokens").param("requestKey", UUID.randomUUID().toString()).param("confirm", "true"))
                .andExpect(redirectedUrl("/incidents/" + id))
                .andExpect(flash().attribute("error", "response.error.INVALID_SERIAL"));
        mvc.perform(analyst(post("/incidents/" + id + "/actions/confirm")).with(csrf()).header("HX-Request", "true")
                        .param("action", "wipe_everything").param("requestKey", UUID.randomUUID().toString()).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("There is no such response action."),
                        not(containsString("name=\"confirm\"")))));
    }
}
