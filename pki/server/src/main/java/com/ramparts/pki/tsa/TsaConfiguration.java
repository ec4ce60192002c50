package com.ramparts.pki.tsa;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.issuance.IssuanceService;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/** The TSA runs when an online CA can certify its key; without one (a fresh install) /tsa answers 503. */
@Configuration(proxyBeanMethods = false)
class TsaConfiguration {

    /** Null (no bean) while no CA is online. */
    @Bean
    TimeStampAuthority timeStampAuthority(CertificateAuthorities cas, IssuanceService issuance, PkiProperties properties,
                                                    Clock clock) {
        PkiProperties.Tsa settings = properties.tsa();
        Optional<CaSigner> ca = settings.ca() == null ? cas.all().stream().findFirst() : Optional.of(cas.require(settings.ca()));
        ASN1ObjectIdentifier policy;
        try {
            policy = new ASN1ObjectIdentifier(settings.policy());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ramparts.pki.tsa.policy: '" + settings.policy() + "' is not a dotted OID");
        }
        return ca.map(issuer -> new TimeStampAuthority(
                TsaKey.provision(issuer, properties.cas().get(issuer.name()), settings, properties.dataDir(), issuance, clock.instant()),
                policy, settings.accuracy(), (int) properties.requestMaxSize().toBytes(), clock)).orElse(null);
    }

    @Bean
    TsaController tsaController(ObjectProvider<TimeStampAuthority> authority, PkiProperties properties) {
        return new TsaController(authority.getIfAvailable(), (int) properties.requestMaxSize().toBytes());
    }
}
