package com.ramparts.soc.web;

import com.ramparts.soc.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every page for every role: opens when {@link Page} says so, 403 otherwise; anonymous is sent to log in. */
class RoleMatrixTest extends DashboardTestContext {

    /** One account per role, from the fixtures. */
    private static final Map<Role, String> ACCOUNT_OF_ROLE = new LinkedHashMap<>();

    static {
        ACCOUNT_OF_ROLE.put(Role.ANALYST, DashboardFixtures.ANALYST);
        ACCOUNT_OF_ROLE.put(Role.RA_OFFICER, DashboardFixtures.RA);
        ACCOUNT_OF_ROLE.put(Role.REQUESTER, DashboardFixtures.REQUESTER_A);
        ACCOUNT_OF_ROLE.put(Role.DRILL_COORDINATOR, DashboardFixtures.DRILLS);
        ACCOUNT_OF_ROLE.put(Role.ADMIN, DashboardFixtures.ADMIN);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void everyRoleOpensExactlyThePagesOfTheMatrix() throws Exception {
        assertThat(ACCOUNT_OF_ROLE.keySet()).containsExactlyInAnyOrder(Role.values());
        for (Map.Entry<Role, String> entry : ACCOUNT_OF_ROLE.entrySet()) {
            var principal = users.loadUserByUsername(entry.getValue());
            for (Page page : Page.values()) {
                int expected = page.roles().contains(entry.getKey()) ? 200 : 403;
                int actual = mvc.perform(get(page.path()).with(user(principal))).andReturn().getResponse().getStatus();
                assertThat(actual).as("%s opening %s", entry.getKey(), page.path()).isEqualTo(expected);
            }
        }
    }

    @Test
    void theNavigationOffersOnlyThePagesARoleMayOpen() throws Exception {
        var requester = users.loadUserByUsername(DashboardFixtures.REQUESTER_A);
        String html = mvc.perform(get("/events").with(user(requester))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"/events\"").contains("href=\"/sites\"").contains("href=\"/requests\"")
                .doesNotContain("href=\"/overview\"").doesNotContain("href=\"/certificates\"").doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void theStartPageSendsEachRoleToItsFirstPage() throws Exception {
        mvc.perform(get("/").with(user(users.loadUserByUsername(DashboardFixtures.RA))))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/certificates"));
        mvc.perform(get("/").with(user(users.loadUserByUsername(DashboardFixtures.REQUESTER_A))))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/events"));
        mvc.perform(get("/").with(user(users.loadUserByUsername(DashboardFixtures.ANALYST))))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/overview"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageAndProgramsGet401() throws Exception {
        for (Page page : Page.values()) {
            mvc.perform(get(page.path())).andExpect(status().isFound())
                    .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        }
        mvc.perform(get("/api/events")).andExpect(status().isUnauthorized());
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/echarts.min.js")).andExpect(status().isOk());
    }

    @Test
    void anExpiredSessionOnAnHtmxRequestRedirectsTheWholePageToLogin() throws Exception {
        mvc.perform(get("/overview/live").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void theEventsApiTakesHttpBasicForTheRolesOfTheEventsPage() throws Exception {
        for (Map.Entry<Role, String> entry : ACCOUNT_OF_ROLE.entrySet()) {
            int expected = Page.EVENTS.roles().contains(entry.getKey()) ? 200 : 403;
            mvc.perform(get("/api/events").with(httpBasic(entry.getValue(), PASSWORD)))
                    .andExpect(status().is(expected));
        }
        mvc.perform(get("/api/events").with(httpBasic(DashboardFixtures.ANALYST, "wrong password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }
}
