package com.ramparts.soc.web.sites;

import com.ramparts.soc.web.DashboardFixtures;
import com.ramparts.soc.web.DashboardTestContext;
import com.ramparts.soc.web.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Site status from the registry and the last event per source in OpenSearch. */
class SitesPageTest extends DashboardTestContext {

    @Autowired
    SiteStatusService service;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void eachSiteIsOnlineSilentOfflineOrNeverSeenFromItsLastEvents() {
        SiteStatusService.Report report = service.report(Scope.EVERYTHING);
        Map<String, SiteStatus> byId = report.sites().stream().collect(Collectors.toMap(s -> s.site().siteId(), s -> s));
        assertThat(byId.get("ward-1").state()).isEqualTo(SiteStatus.State.ONLINE);
        assertThat(byId.get("ward-2").state()).isEqualTo(SiteStatus.State.SILENT);
        assertThat(byId.get("ward-2").sources()).anySatisfy(source -> {
            assertThat(source.dataset()).isEqualTo("restic.backup");
            assertThat(source.silent()).isTrue();
            assertThat(source.lastEvent()).isNull();
        });
        assertThat(byId.get("district-9").state()).isEqualTo(SiteStatus.State.OFFLINE);
        assertThat(byId.get("ward-new").state()).isEqualTo(SiteStatus.State.NEVER_SEEN);
        assertThat(byId.get("ward-1").sources()).extracting(SiteStatus.SourceStatus::dataset)
                .containsExactly("iptables.log", "suricata.eve");
        assertThat(report.unregistered()).containsExactly("ward-ghost");
    }

    @Test
    void aRequesterSeesOnlyTheSitesOfItsUnit() throws Exception {
        String html = mvc.perform(get("/sites").with(user(users.loadUserByUsername(DashboardFixtures.REQUESTER_B))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("district-9").contains("ward-new").doesNotContain("ward-1").doesNotContain("ward-ghost");
    }

    @Test
    void theSitesPageListsUnitsSourcesAndStatuses() throws Exception {
        String html = mvc.perform(get("/sites").param("lang", "en").with(user(users.loadUserByUsername(DashboardFixtures.ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Phường Bến Nghé").contains("unit-a").contains("restic.backup")
                .contains("Online").contains("Silent").contains("Offline").contains("Never seen").contains("ward-ghost");
    }
}
