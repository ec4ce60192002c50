package com.ramparts.pki.ca;

import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Opens the configured CA keystores at start; any problem stops the start naming the CA's key. */
@Configuration(proxyBeanMethods = false)
class CaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaConfiguration.class);

    @Bean
    CertificateAuthorities certificateAuthorities(PkiProperties properties) {
        List<CaSigner> signers = new ArrayList<>();
        for (Map.Entry<String, PkiProperties.Ca> entry : properties.cas().entrySet()) {
            String name = entry.getKey();
            String key = "ramparts.pki.cas." + name;
            if (!name.matches("[a-z0-9][a-z0-9-]{0,31}")) {
                throw new IllegalStateException(key + ": CA names are 1-32 characters of a-z 0-9 - (they appear in URLs)");
            }
            PkiProperties.Ca settings = entry.getValue();
            try (Passphrase passphrase = Passphrase.from(settings.passphraseFile(), settings.passphraseEnv(), key)) {
                Pkcs12CaSigner signer = Pkcs12CaSigner.load(name, settings.keystore(), passphrase);
                if (!CaCertificates.isCaCertificate(signer.certificate())) {
                    throw new PkiException(PkiError.KEYSTORE_NOT_INSTALLED, "keystore", settings.keystore());
                }
                log.info("CA {}: {} ({}), valid until {}", name, signer.certificate().getSubject(), signer.algorithm().describe(),
                        signer.certificate().getNotAfter().toInstant());
                signers.add(signer);
            } catch (PkiException e) {
                throw new IllegalStateException(key + ": " + e.getMessage(), e);
            }
        }
        if (signers.isEmpty()) {
            log.warn("No CA is configured (ramparts.pki.cas): the service runs, but cannot issue; see docs/pki.md");
        }
        return new CertificateAuthorities(signers);
    }

    @Bean
    PublicationPoints publicationPoints(PkiProperties properties) {
        return new PublicationPoints(properties.publicUrl(), properties.crl().delta().enabled());
    }
}
