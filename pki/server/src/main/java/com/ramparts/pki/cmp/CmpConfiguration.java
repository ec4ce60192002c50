package com.ramparts.pki.cmp;

import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.issuance.DelegatedSigners;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.profile.Profiles;
import com.ramparts.pki.revocation.RevocationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Optional;

/**
 * CMP runs when an online CA issues its profile; its signer key (for answers to kur and rr) is kept
 * in {@code <data-dir>/cmp/<ca>.p12} under the CA's passphrase and replaced like the TSA's.
 */
@Configuration(proxyBeanMethods = false)
class CmpConfiguration {

    @Bean
    CmpSecrets cmpSecrets(DataSource dataSource) {
        return new CmpSecrets(dataSource);
    }

    @Bean
    CmpServer cmpServer(CmpSecrets secrets, DataSource dataSource, IssuanceService issuance, RevocationService revocation,
                        CertificateInventory inventory, CertificateAuthorities cas, Profiles profiles, PlatformTransactionManager transactions,
                        PkiProperties properties, Clock clock) {
        PkiProperties.Cmp settings = properties.cmp();
        String caName = profiles.require(settings.profile()).issuerFor(null);
        Optional<CaSigner> ca = cas.find(caName);
        Optional<CaSigner> signer = ca.map(issuer -> {
            PkiProperties.Ca caSettings = properties.cas().get(issuer.name());
            try (Passphrase passphrase = Passphrase.from(caSettings.passphraseFile(), caSettings.passphraseEnv(), "ramparts.pki.cas." + issuer.name())) {
                return DelegatedSigners.loadOrIssue(issuer, "cmp", "CMP Signer", properties.dataDir().resolve("cmp").resolve(issuer.name() + ".p12"),
                        passphrase, issuance, settings.signerProfile(), settings.signerRenewBefore(), clock.instant());
            }
        });
        return new CmpServer(secrets, new CmpTransactions(dataSource), issuance, revocation, inventory, () -> signer, () -> ca,
                new TransactionTemplate(transactions), settings.profile(), (int) properties.csrMaxSize().toBytes(), settings.maxMacIterations(), clock);
    }

    @Bean
    CmpController cmpController(CmpServer server, PkiProperties properties) {
        return new CmpController(server, (int) properties.requestMaxSize().toBytes(), properties.cmp().requireTls());
    }

    @Bean
    CmpSecretController cmpSecretController(CmpSecrets secrets, PkiProperties properties, Clock clock, AuditLog audit,
                                            PlatformTransactionManager transactions) {
        return new CmpSecretController(secrets, properties.cmp().secretValidity(), properties.cmp().secretMaxValidity(), clock, audit,
                new TransactionTemplate(transactions));
    }
}
