package com.ramparts.pki.token;

import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.config.PkiProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    ApiTokens apiTokens(DataSource dataSource, PlatformTransactionManager transactions, AuditLog audit, PkiProperties properties,
                        Clock clock) {
        return new ApiTokens(dataSource, new TransactionTemplate(transactions), audit, properties.ra().tokenMaxValidity(), clock);
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(ApiTokens tokens, AuditLog audit) {
        return new BearerTokenFilter(tokens, audit);
    }

    /** Only inside the security filter chain (PkiSecurityConfiguration places it), not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
