package com.ramparts.pki.crl;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class CrlConfiguration {

    @Bean
    CrlPublisher crlPublisher(CertificateAuthorities cas, CertificateInventory inventory, PlatformTransactionManager transactions,
                              PkiProperties properties, Clock clock) {
        return new CrlPublisher(cas, inventory, new TransactionTemplate(transactions), properties.dataDir().resolve("crl"),
                properties.crl().validity(), clock);
    }
}
