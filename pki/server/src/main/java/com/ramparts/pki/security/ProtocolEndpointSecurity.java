package com.ramparts.pki.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The enrolment and time-stamping protocols (EST, ACME, TSA, CMP) authenticate their callers themselves,
 * in their own formats: an EST enrolment token arrives as an HTTP basic password, which the
 * administrator chain's basic authentication would reject before EST saw it. So these paths get
 * a chain of their own, ahead of the default one, that lets every request through to the protocol.
 */
@Configuration(proxyBeanMethods = false)
class ProtocolEndpointSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/.well-known/est/**", "/tsa", "/.well-known/cmp", "/.well-known/cmp/**", "/acme/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies: each request carries its own proof
                .build();
    }
}
