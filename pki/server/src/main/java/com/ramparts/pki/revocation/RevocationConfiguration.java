package com.ramparts.pki.revocation;

import com.ramparts.pki.inventory.CertificateInventory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class RevocationConfiguration {

    @Bean
    RevocationService revocationService(CertificateInventory inventory, ApplicationEventPublisher events, Clock clock) {
        return new RevocationService(inventory, events, clock);
    }
}
