package com.ramparts.soc.security;

import com.ramparts.soc.web.Page;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Two doors. Programs (the API and actuator) use HTTP basic, statelessly, without CSRF (no cookies,
 * so nothing to forge). People use the dashboard with a form login, a session cookie and CSRF tokens.
 * Both check the same accounts (SQL, Argon2id, lockout after repeated failures) and the same role
 * matrix ({@link Page}). Client-certificate login waits for TLS from pki.
 */
@Configuration(proxyBeanMethods = false)
class SocSecurityConfiguration {

    /** Scripts and styles only from this server (WebJars included); ECharts sets inline styles on its own elements. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        RequestMatcher api = new OrRequestMatcher(pathPattern("/api/**"), EndpointRequest.toAnyEndpoint());
        return http
                .securityMatcher(api)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                        .requestMatchers(pathPattern("/api/events"), pathPattern("/api/events/**")).hasAnyRole(Page.EVENTS.roleNames())
                        .requestMatchers(pathPattern("/api/v1/rules/**")).hasAnyRole(Page.RULES.roleNames())
                        // posture: requesters see their own unit (the controller scopes them)
                        .requestMatchers(pathPattern(HttpMethod.GET, "/api/v1/posture/**")).hasAnyRole(Page.POSTURE.roleNames())
                        // requesters read their own unit's incidents (the controller scopes them); analysts act
                        .requestMatchers(pathPattern(HttpMethod.GET, "/api/v1/incidents"), pathPattern(HttpMethod.GET, "/api/v1/incidents/**"))
                        .hasAnyRole("ANALYST", "ADMIN", "REQUESTER")
                        .requestMatchers(pathPattern("/api/v1/incidents"), pathPattern("/api/v1/incidents/**")).hasAnyRole("ANALYST", "ADMIN")
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // an htmx fragment (a poll, a document panel) is no place to land after logging in
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null);
        return http
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(pathPattern("/login"), pathPattern("/error"), pathPattern("/webjars/**"),
                            pathPattern("/css/**"), pathPattern("/js/**"), pathPattern("/img/**"), pathPattern("/favicon.ico")).permitAll();
                    for (Page page : Page.values()) {
                        requests.requestMatchers(pathPattern(page.path()), pathPattern(page.path() + "/**")).hasAnyRole(page.roleNames());
                    }
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new PageEntryPoint("/login")))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }
}
