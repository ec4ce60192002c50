package com.ramparts.soc.web.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.posture.PostureSeed;
import com.ramparts.soc.posture.PostureSnapshots;
import com.ramparts.soc.posture.PostureStore;
import com.ramparts.soc.unit.UnitDirectory;
import com.ramparts.soc.unit.UnitStore;
import com.ramparts.soc.web.DashboardFixtures;
import com.ramparts.soc.web.DashboardTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The posture page on the server side: views, the live panel, a requester's scope, and refused parameters. */
class PosturePageTest extends DashboardTestContext {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    PostureStore store;
    @Autowired
    UnitStore unitStore;
    @Autowired
    UnitDirectory directory;
    @Autowired
    PostureSnapshots snapshots;
    @Autowired
    SocProperties properties;

    @BeforeEach
    void seed() {
        PostureSeed.seed(store, unitStore, directory, snapshots, properties, Instant.now());
    }

    private String page(String user, String path, int status) throws Exception {
        return mvc.perform(get(path).param("lang", "en").with(user(users.loadUserByUsername(user))))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theCityDistrictAndUnitViews() throws Exception {
        String city = page(DashboardFixtures.ANALYST, "/posture", 200);
        assertThat(city).contains("id=\"district-chart\"").contains("data-posture-chart=").contains("District 1")
                .contains("hx-get=\"/posture/live\"").contains("/js/posture.js");
        String district = page(DashboardFixtures.ANALYST, "/posture?district=D-1", 200);
        assertThat(district).contains("id=\"unit-unit-a\"").contains("Ben Nghe Ward").doesNotContain("id=\"unit-unit-b\"");
        String unit = page(DashboardFixtures.ANALYST, "/posture?unit=unit-b", 200);
        assertThat(unit).contains("id=\"site-district-9\"").contains("Revoked");
    }

    @Test
    void theLivePanelIsTheCitysFiguresAndNothingForARequester() throws Exception {
        String live = mvc.perform(get("/posture/live").header("HX-Request", "true")
                        .with(user(users.loadUserByUsername(DashboardFixtures.ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(live).startsWith("<div id=\"posture-live\"").contains("id=\"city-backup\"");
        mvc.perform(get("/posture/live").header("HX-Request", "true").with(user(users.loadUserByUsername(DashboardFixtures.REQUESTER_A))))
                .andExpect(status().isNoContent());
    }

    @Test
    void aRequesterSeesItsOwnUnitWhateverItAsks() throws Exception {
        String asked = page(DashboardFixtures.REQUESTER_A, "/posture?unit=unit-b", 200);
        assertThat(asked).contains("id=\"site-ward-1\"").doesNotContain("district-9").doesNotContain("district-chart");
        String city = page(DashboardFixtures.REQUESTER_A, "/posture?district=D-2", 200);
        assertThat(city).contains("id=\"site-ward-2\"").doesNotContain("unit-chart");
    }

    @Test
    void badParametersAreRefused() throws Exception {
        page(DashboardFixtures.ANALYST, "/posture?district=" + "x".repeat(65), 400);
        page(DashboardFixtures.ANALYST, "/posture?unit=a'b", 400);
        page(DashboardFixtures.ANALYST, "/posture?district=NOPE", 404);
        page(DashboardFixtures.ANALYST, "/posture?unit=NOPE", 404);
        page(DashboardFixtures.RA, "/posture", 403);
    }
}
