package com.ramparts.pki.security;

import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.token.BearerTokenFilter;
import com.ramparts.runtime.secrets.AdminCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
class PkiSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PkiSecurityConfiguration.class);

    @Bean
    SecurityFilterChain pkiSecurity(HttpSecurity http, BearerTokenFilter bearerTokens) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                        // what relying parties fetch: CA certificates, CRLs, OCSP (served by its own filter, listed for clarity)
                        .requestMatchers(HttpMethod.GET, "/ca/*", "/crl/*").permitAll()
                        .requestMatchers("/ocsp", "/ocsp/**", "/error").permitAll()
                        // the registration authority: requesters are further limited to their unit by the RA's queries
                        .requestMatchers("/api/v1/requests/*/approvals", "/api/v1/requests/*/rejection").hasRole("RA_OFFICER")
                        .requestMatchers("/api/v1/imports/**", "/api/v1/bulk-jobs/**").hasAnyRole("ADMIN", "RA_OFFICER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/units/**", "/api/v1/staff/**").hasAnyRole("ADMIN", "RA_OFFICER", "REQUESTER")
                        .requestMatchers("/api/v1/units/**", "/api/v1/staff/**").hasAnyRole("ADMIN", "RA_OFFICER")
                        .requestMatchers("/api/v1/requests/**", "/api/v1/requests", "/api/v1/renewals", "/api/v1/expiring")
                        .hasAnyRole("ADMIN", "RA_OFFICER", "REQUESTER")
                        // ACME external account binding keys: requesters for their own unit (checked by the controller)
                        .requestMatchers(HttpMethod.POST, "/api/v1/acme/eab-keys").hasAnyRole("ADMIN", "RA_OFFICER", "REQUESTER")
                        .requestMatchers("/api/v1/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(bearerTokens, BasicAuthenticationFilter.class) // API tokens; basic stays for the bootstrap admin
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless API: no cookies, so no cross-site request to forge
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService bootstrapAdministrator(PkiProperties properties, PasswordEncoder encoder) {
        AdminCredentials.Loaded loaded = AdminCredentials.loadOrCreate(properties.adminCredentialsFile());
        if (loaded.created()) {
            log.info("Generated the first administrator's credentials in {}", properties.adminCredentialsFile());
        }
        AdminCredentials admin = loaded.credentials();
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(encoder.encode(admin.password()))
                .roles("ADMIN")
                .build());
    }
}
