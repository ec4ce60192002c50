package com.ramparts.soc.web;

import com.ramparts.soc.account.Account;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Form login with CSRF, sessions, lockout after repeated failures, and the bootstrap administrator. */
class LoginSecurityTest extends DashboardTestContext {

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserLogsInWithTheFormAndGetsANewSession() throws Exception {
        MockHttpSession before = new MockHttpSession();
        MvcResult login = mvc.perform(post("/login").session(before).with(csrf())
                        .param("username", DashboardFixtures.ANALYST).param("password", PASSWORD))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
        mvc.perform(get("/events").session(session)).andExpect(status().isOk());
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", DashboardFixtures.ANALYST).param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void changingUsersWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        MockHttpSession session = loggedIn(DashboardFixtures.ADMIN);
        mvc.perform(post("/admin/users").session(session)
                        .param("username", "forged").param("password", "a long enough password").param("roles", "ADMIN"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find("forged")).isEmpty();

        mvc.perform(post("/admin/users").session(session).with(csrf())
                        .param("username", "new-analyst").param("password", "a long enough password").param("roles", "ANALYST"))
                .andExpect(status().isFound());
        assertThat(accounts.find("new-analyst")).get().extracting(Account::roles).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                .containsExactly(com.ramparts.soc.account.Role.ANALYST);
    }

    @Test
    void aRequesterWithoutAUnitIsRefusedWithTheRuleNamed() throws Exception {
        String html = mvc.perform(post("/admin/users").session(loggedIn(DashboardFixtures.ADMIN)).with(csrf())
                        .param("username", "unitless").param("password", "a long enough password").param("roles", "REQUESTER")
                        .param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("A requester needs a unit id.");
        assertThat(accounts.find("unitless")).isEmpty();
    }

    @Test
    void logoutNeedsThePostWithItsToken() throws Exception {
        MockHttpSession session = loggedIn(DashboardFixtures.ANALYST);
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/login?logout"));
        mvc.perform(get("/events").session(session)).andExpect(status().isFound());
    }

    @Test
    void repeatedFailedLoginsLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        double lockoutsBefore = meters.counter("ramparts.soc.login.lockouts").count();
        double failuresBefore = meters.counter("ramparts.soc.login.failures").count();
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(post("/login").with(csrf()).param("username", DashboardFixtures.LOCKED).param("password", "guess " + attempt))
                    .andExpect(status().isFound()).andExpect(header().string("Location", "/login?error"));
        }
        assertThat(accounts.find(DashboardFixtures.LOCKED).orElseThrow().lockedAt(Instant.now())).isTrue();

        mvc.perform(post("/login").with(csrf()).param("username", DashboardFixtures.LOCKED).param("password", PASSWORD))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/login?error"));
        mvc.perform(get("/api/events").with(httpBasic(DashboardFixtures.LOCKED, PASSWORD)))
                .andExpect(status().isUnauthorized());

        assertThat(meters.counter("ramparts.soc.login.lockouts").count()).isEqualTo(lockoutsBefore + 1);
        assertThat(meters.counter("ramparts.soc.login.failures").count()).isEqualTo(failuresBefore + 5);
        assertThat(jdbc.sql("select action from account_audit where username = ? order by id").param(DashboardFixtures.LOCKED)
                .query(String.class).list())
                .containsSubsequence("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOCKED",
                        "LOGIN_REFUSED_LOCKED", "LOGIN_REFUSED_LOCKED");
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            mvc.perform(post("/login").with(csrf()).param("username", DashboardFixtures.DRILLS).param("password", "nope"));
        }
        assertThat(accounts.find(DashboardFixtures.DRILLS).orElseThrow().failedLogins()).isEqualTo(3);
        loggedIn(DashboardFixtures.DRILLS);
        assertThat(accounts.find(DashboardFixtures.DRILLS).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void theAdministratorOfTheCredentialsFileIsAnAdminAccountWithAnArgon2Hash() {
        var admin = com.ramparts.runtime.secrets.AdminCredentials.read(DATA_DIR.resolve("secrets/admin-credentials"));
        assertThat(accounts.find(admin.username())).get().extracting(Account::roles)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).contains(com.ramparts.soc.account.Role.ADMIN);
        String hash = jdbc.sql("select password_hash from account where username = ?").param(admin.username()).query(String.class).single();
        assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
    }

    private MockHttpSession loggedIn(String username) throws Exception {
        MvcResult login = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/")).andReturn();
        return (MockHttpSession) login.getRequest().getSession();
    }
}
