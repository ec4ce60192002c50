package com.ramparts.pki.est;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.profile.Profiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class EstConfiguration {

    @Bean
    EnrolmentTokens enrolmentTokens(DataSource dataSource) {
        return new EnrolmentTokens(dataSource);
    }

    @Bean
    EstEnrolment estEnrolment(IssuanceService issuance, EnrolmentTokens tokens, CertificateInventory inventory,
                              PlatformTransactionManager transactions, PkiProperties properties, Clock clock) {
        return new EstEnrolment(issuance, tokens, inventory, new TransactionTemplate(transactions), properties.est().profile(),
                (int) properties.csrMaxSize().toBytes(), clock);
    }

    @Bean
    EstController estController(EstEnrolment enrolment, CertificateAuthorities cas, Profiles profiles, PkiProperties properties) {
        return new EstController(enrolment, cas, profiles, properties.est().profile(), (int) properties.requestMaxSize().toBytes(),
                properties.est().requireTls());
    }

    @Bean
    EnrolmentTokenController enrolmentTokenController(EnrolmentTokens tokens, PkiProperties properties, Clock clock) {
        return new EnrolmentTokenController(tokens, properties.est().tokenValidity(), properties.est().tokenMaxValidity(), clock);
    }
}
