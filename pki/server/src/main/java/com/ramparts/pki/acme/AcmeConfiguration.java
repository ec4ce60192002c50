package com.ramparts.pki.acme;

import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.ra.unit.Units;
import com.ramparts.pki.revocation.RevocationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class AcmeConfiguration {

    /** Its own mapper: duplicate members in a JWS or payload are refused rather than last-one-wins. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Bean
    Nonces acmeNonces(DataSource dataSource, PkiProperties properties, Clock clock) {
        return new Nonces(dataSource, properties.acme().nonceValidity(), clock);
    }

    @Bean
    AcmeAccounts acmeAccounts(DataSource dataSource) {
        return new AcmeAccounts(dataSource);
    }

    @Bean
    AcmeOrders acmeOrders(DataSource dataSource) {
        return new AcmeOrders(dataSource);
    }

    @Bean
    ExternalAccountKeys externalAccountKeys(DataSource dataSource) {
        return new ExternalAccountKeys(dataSource);
    }

    @Bean
    AcmeService acmeService(AcmeAccounts accounts, AcmeOrders orders, ExternalAccountKeys keys, Units units, IssuanceService issuance,
                            RevocationService revocation, CertificateInventory inventory, CertificateAuthorities cas,
                            PlatformTransactionManager transactions, PkiProperties properties, Clock clock, AuditLog audit) {
        PkiProperties.Acme acme = properties.acme();
        return new AcmeService(accounts, orders, keys, units,
                new Http01Validator(acme.http01Port(), acme.validationTimeout(), acme.validationHosts()), issuance, revocation, inventory,
                cas, new TransactionTemplate(transactions), JSON, acme.profile(), acme.requireExternalAccountBinding(),
                acme.orderValidity(), (int) properties.csrMaxSize().toBytes(), clock, audit);
    }

    @Bean
    AcmeController acmeController(AcmeService service, AcmeAccounts accounts, Nonces nonces, PkiProperties properties) {
        return new AcmeController(service, new JwsVerifier(accounts, nonces, JSON), nonces, JSON,
                (int) properties.requestMaxSize().toBytes(), properties.acme().requireTls());
    }

    @Bean
    ExternalAccountKeyController externalAccountKeyController(ExternalAccountKeys keys, Units units, PkiProperties properties, Clock clock,
                                                              AuditLog audit, PlatformTransactionManager transactions) {
        return new ExternalAccountKeyController(keys, units, properties.acme().eabKeyMaxValidity(), clock, audit,
                new TransactionTemplate(transactions));
    }
}
