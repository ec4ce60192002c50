package com.ramparts.pki.issuance;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.PublicationPoints;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.profile.Profiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class IssuanceConfiguration {

    @Bean
    IssuanceService issuanceService(CertificateAuthorities cas, Profiles profiles, CertificateInventory inventory,
                                    PublicationPoints points, PkiProperties properties, Clock clock,
                                    ApplicationEventPublisher events) {
        return new IssuanceService(cas, profiles, inventory, points, (int) properties.csrMaxSize().toBytes(), clock, events);
    }
}
