package com.ramparts.soc.posture;

import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.soc.unit.UnitSync;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/v1/posture}: what each role sees, and refusals that are JSON with stable codes and change nothing. */
class PostureApiTest extends PostureTestContext {

    @Autowired
    MockMvc mvc;
    @Autowired
    SiteRegistry sites;
    @Autowired
    UnitSync unitSync;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void registry() {
        sites.save(new Site("bn-fw", "BN-01", "Bến Nghé ward office", List.of("iptables.log"), List.of()));
        sites.save(new Site("dk-fs", "DK-01", "Đa Kao file server", List.of("borg.create"), List.of()));
        assertThat(unitSync.run()).isTrue();
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, PASSWORD));
    }

    @Test
    void analystsSeeTheCityDistrictsUnitsAndSites() throws Exception {
        mvc.perform(as("pos-analyst", get("/api/v1/posture/city"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.shares.units").value(6))
                .andExpect(jsonPath("$.districts[*].districtId", hasItem("Q1")))
                .andExpect(jsonPath("$.unitsSyncedAt").isNotEmpty());
        mvc.perform(as("pos-analyst", get("/api/v1/posture/districts/Q1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.units[*].unitId", hasItem("DK-01")))
                .andExpect(jsonPath("$.units[*].districtId", everyItem(is("Q1"))));
        mvc.perform(as("pos-analyst", get("/api/v1/posture/units?district=Q3"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].unitId", hasItem("VTS-01")));
        mvc.perform(as("pos-analyst", get("/api/v1/posture/units/DK-01"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.certificate").value("REVOKED"))
                .andExpect(jsonPath("$.sites[0].siteId").value("dk-fs"));
        mvc.perform(as("pos-analyst", get("/api/v1/posture/sites/dk-fs"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value("DK-01"));
        mvc.perform(as("pos-analyst", get("/api/v1/posture/history?scope=district&id=Q1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("district"));
    }

    @Test
    void aRequesterSeesOnlyItsOwnUnitAndItsSites() throws Exception {
        mvc.perform(as("pos-requester-bn", get("/api/v1/posture/units"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].unitId").value("BN-01"));
        mvc.perform(as("pos-requester-bn", get("/api/v1/posture/units/BN-01"))).andExpect(status().isOk());
        mvc.perform(as("pos-requester-bn", get("/api/v1/posture/units/DK-01"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(as("pos-requester-bn", get("/api/v1/posture/sites"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].siteId", not(hasItem("dk-fs"))))
                .andExpect(jsonPath("$[*].siteId", hasItem("bn-fw")));
        mvc.perform(as("pos-requester-bn", get("/api/v1/posture/sites?unit=DK-01"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(as("pos-requester-bn", get("/api/v1/posture/sites/dk-fs"))).andExpect(status().isNotFound());
        mvc.perform(as("pos-requester-bn", get("/api/v1/posture/history?scope=unit&id=DK-01"))).andExpect(status().isNotFound());
        mvc.perform(as("pos-requester-bn", get("/api/v1/posture/history?scope=unit&id=BN-01"))).andExpect(status().isOk());
        for (String wholeCity : List.of("/api/v1/posture/city", "/api/v1/posture/districts", "/api/v1/posture/districts/Q1",
                "/api/v1/posture/history", "/api/v1/posture/history?scope=district&id=Q1")) {
            mvc.perform(as("pos-requester-bn", get(wholeCity))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("OUTSIDE_SCOPE"));
        }
    }

    @Test
    void rolesWithoutPostureAndStrangersAreRefused() throws Exception {
        mvc.perform(as("pos-ra", get("/api/v1/posture/city"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/posture/city")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/posture/city").with(httpBasic("pos-analyst", "wrong password"))).andExpect(status().isUnauthorized());
    }

    @Test
    void badInputIsA400WithAStableCodeAndChangesNothing() throws Exception {
        long snapshotsBefore = jdbc.sql("select count(*) from posture_snapshot").query(Long.class).single();
        long sitesBefore = jdbc.sql("select count(*) from posture_site").query(Long.class).single();
        String[] refused = {
                "/api/v1/posture/units/" + "x".repeat(65),                       // oversized id
                "/api/v1/posture/units/BN-01'OR'1'='1",                        // hostile
                "/api/v1/posture/sites?unit=%00",                                  // control character
                "/api/v1/posture/units?district=Q1%20OR%201=1",
                "/api/v1/posture/history?scope=planet",
                "/api/v1/posture/history?scope=unit",                              // id missing
                "/api/v1/posture/history?scope=city&id=HCM",
                "/api/v1/posture/history?from=yesterday",                          // malformed
                "/api/v1/posture/history?from=2026-11-22T06:00",                   // truncated (no zone)
                "/api/v1/posture/history?from=" + "9".repeat(500),                  // oversized
                "/api/v1/posture/history?from=2026-11-22T06:00:00Z&to=2026-11-21T06:00:00Z",
                "/api/v1/posture/history?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
        };
        for (String path : refused) {
            mvc.perform(as("pos-analyst", get(path))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                    .andExpect(jsonPath("$.message").isNotEmpty());
        }
        mvc.perform(as("pos-analyst", get("/api/v1/posture/units/NOPE"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message", containsString("NOPE")));
        mvc.perform(as("pos-analyst", get("/api/v1/posture/districts/NOPE"))).andExpect(status().isNotFound());
        mvc.perform(as("pos-analyst", post("/api/v1/posture/city"))).andExpect(status().isForbidden()); // reads only: no role writes
        mvc.perform(as("pos-analyst", delete("/api/v1/posture/units/BN-01"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from posture_snapshot").query(Long.class).single()).isEqualTo(snapshotsBefore);
        assertThat(jdbc.sql("select count(*) from posture_site").query(Long.class).single()).isEqualTo(sitesBefore);
    }
}
