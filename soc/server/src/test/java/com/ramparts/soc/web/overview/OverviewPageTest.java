package com.ramparts.soc.web.overview;

import com.ramparts.soc.web.DashboardFixtures;
import com.ramparts.soc.web.DashboardTestContext;
import com.ramparts.soc.web.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The overview's numbers come from the indexed events and the site registry. */
class OverviewPageTest extends DashboardTestContext {

    @Autowired
    OverviewService service;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void ratesDatasetsAndSiteCountsComeFromTheData() {
        Overview overview = service.overview(Scope.EVERYTHING);
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        long lastHour = DashboardFixtures.events().stream().filter(e -> e.timestamp().isAfter(hourAgo)).count();
        assertThat(overview.eventsLastHour()).isEqualTo(lastHour);
        assertThat(overview.rate().stream().mapToDouble(Overview.RatePoint::perSecond).sum() * 60).isCloseTo(lastHour, org.assertj.core.data.Offset.offset(0.001));
        assertThat(overview.rate()).hasSize(60);
        assertThat(overview.datasets()).containsExactly(
                new Overview.DatasetCount("suricata.eve", DashboardFixtures.events().size() - 5L),
                new Overview.DatasetCount("iptables.log", 5));
        assertThat(overview.sites()).isEqualTo(new Overview.SiteCounts(1, 1, 1, 1, 1));
    }

    @Test
    void theLivePanelIsAFragmentThatPollsItself() throws Exception {
        String html = mvc.perform(get("/overview/live").header("HX-Request", "true")
                        .with(user(users.loadUserByUsername(DashboardFixtures.ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).startsWith("<div id=\"live\"").contains("hx-trigger=\"every 10s\"").contains("&quot;type&quot;:&quot;rate&quot;");
    }

    @Test
    void panelsWithoutABackendSayWhichCapabilityBringsThem() throws Exception {
        String html = mvc.perform(get("/overview").param("lang", "en").with(user(users.loadUserByUsername(DashboardFixtures.ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("the correlator and its Sigma rules")
                .contains("the correlator and incident management");
        // posture has its backend now: the tile links to the posture page (PostureBrowserTest checks its figures)
        assertThat(html).contains("href=\"/posture\"").contains("City-wide posture by district");
    }
}
