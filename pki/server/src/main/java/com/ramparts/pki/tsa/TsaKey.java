package com.ramparts.pki.tsa;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.issuance.DelegatedSigners;
import com.ramparts.pki.issuance.IssuanceService;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The TSA's key in {@code <data-dir>/tsa/<ca>.p12} under the CA's passphrase: made at start when
 * missing, when its certificate is not from the CA's current key, or when it ends within
 * {@code ramparts.pki.tsa.signer-renew-before}.
 */
final class TsaKey {

    private TsaKey() {
    }

    static CaSigner provision(CaSigner ca, PkiProperties.Ca caSettings, PkiProperties.Tsa settings, Path dataDir,
                              IssuanceService issuance, Instant now) {
        Path file = dataDir.resolve("tsa").resolve(ca.name() + ".p12");
        try (Passphrase passphrase = Passphrase.from(caSettings.passphraseFile(), caSettings.passphraseEnv(), "ramparts.pki.cas." + ca.name())) {
            return DelegatedSigners.loadOrIssue(ca, "tsa", "Time-Stamping Authority", file, passphrase, issuance,
                    settings.signerProfile(), settings.signerRenewBefore(), now);
        }
    }
}
