package com.ramparts.pki.ocsp;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.issuance.DelegatedSigners;
import com.ramparts.pki.issuance.IssuanceService;
import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The delegated OCSP responder key of each CA, in {@code <data-dir>/ocsp/<ca>.p12} under the CA's
 * own passphrase. Made at start when missing, when its certificate is no longer from the CA's
 * current key, or when it ends within {@code ramparts.pki.ocsp.signer-renew-before}; its
 * certificate comes from {@link IssuanceService#issue}, like any other.
 */
public class OcspSigners {

    private static final Logger log = LoggerFactory.getLogger(OcspSigners.class);
    private static final String RESPONDER_TITLE = "OCSP Responder";

    private final Map<String, CaSigner> byCa;

    public OcspSigners(CertificateAuthorities cas, IssuanceService issuance, PkiProperties properties, Clock clock) {
        Map<String, CaSigner> signers = new LinkedHashMap<>();
        for (CaSigner ca : cas.all()) {
            PkiProperties.Ca settings = properties.cas().get(ca.name());
            Path file = properties.dataDir().resolve("ocsp").resolve(ca.name() + ".p12");
            try (Passphrase passphrase = Passphrase.from(settings.passphraseFile(), settings.passphraseEnv(),
                    "ramparts.pki.cas." + ca.name())) {
                signers.put(ca.name(), provision(ca, file, passphrase, issuance, properties.ocsp(), clock.instant()));
            }
        }
        this.byCa = Map.copyOf(signers);
    }

    public Optional<CaSigner> forCa(String caName) {
        return Optional.ofNullable(byCa.get(caName));
    }

    private static CaSigner provision(CaSigner ca, Path file, Passphrase passphrase, IssuanceService issuance,
                                      PkiProperties.Ocsp settings, Instant now) {
        return DelegatedSigners.loadOrIssue(ca, "ocsp", RESPONDER_TITLE, file, passphrase, issuance,
                settings.signerProfile(), settings.signerRenewBefore(), now);
    }

    /** C and O of the CA, and a CN naming the responder. */
    static X500Name responderSubject(CaSigner ca) {
        return DelegatedSigners.subject(ca, RESPONDER_TITLE);
    }
}
