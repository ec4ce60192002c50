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

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class OcspConfiguration {

    @Bean
    OcspSigners ocspSigners(CertificateAuthorities cas, IssuanceService issuance, PkiProperties properties, Clock clock) {
        return new OcspSigners(cas, issuance, properties, clock);
    }

    @Bean
    OcspResponder ocspResponder(CertificateAuthorities cas, OcspSigners signers, CertificateInventory inventory,
                                PkiProperties properties, Clock clock) {
        return new OcspResponder(cas, signers, inventory, properties.ocsp().responseValidity(),
                properties.ocsp().maxRequestsPerQuery(), clock);
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
