package com.ramparts.pki.ocsp;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.issuance.IssuanceService;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class OcspConfiguration {

    @Bean
    OcspSigners ocspSigners(CertificateAuthorities cas, IssuanceService issuance, PkiProperties properties, Clock clock) {
        return new OcspSigners(cas, issuance, properties, clock);
    }

    @Bean
    OcspResponder ocspResponder(CertificateAuthorities cas, OcspSigners signers, CertificateInventory inventory, DataSource dataSource,
                                PkiProperties properties, Clock clock) {
        PresignedResponses presigned = properties.ocsp().presigned().enabled()
                ? new PresignedResponses(new JdbcTemplate(dataSource)) : PresignedResponses.NONE;
        return new OcspResponder(cas, signers, inventory, presigned, properties.ocsp().responseValidity(),
                properties.ocsp().maxRequestsPerQuery(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "ramparts.pki.ocsp.presigned.enabled", havingValue = "true", matchIfMissing = true)
    OcspPresigner ocspPresigner(OcspResponder responder, CertificateAuthorities cas, DataSource dataSource,
                                PlatformTransactionManager transactions, PkiProperties properties, Clock clock) {
        PkiProperties.OcspPresigned presigned = properties.ocsp().presigned();
        if (presigned.refreshBefore().compareTo(presigned.validity()) >= 0 || presigned.batch() < 1 || !presigned.interval().isPositive()) {
            throw new IllegalStateException("ramparts.pki.ocsp.presigned: refresh-before must be shorter than validity, "
                    + "batch at least 1, interval positive");
        }
        return new OcspPresigner(new JdbcTemplate(dataSource), new TransactionTemplate(transactions), responder, cas, presigned, clock);
    }

    /** Before Spring Security: the responder is public and must see the raw URI of GET requests. */
    @Bean
    FilterRegistrationBean<OcspHttpFilter> ocspHttpFilter(OcspResponder responder, PkiProperties properties) {
        FilterRegistrationBean<OcspHttpFilter> registration = new FilterRegistrationBean<>(
                new OcspHttpFilter(responder, (int) properties.requestMaxSize().toBytes()));
        registration.addUrlPatterns("/ocsp", "/ocsp/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** Let %2F (a '/' of base64) through to the filter instead of Tomcat rejecting the request. */
    @Bean
    TomcatConnectorCustomizer encodedSlashPassthrough() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }
}
