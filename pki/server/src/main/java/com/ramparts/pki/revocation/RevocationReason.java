package com.ramparts.pki.revocation;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;

import java.util.Arrays;
import java.util.Locale;

/** CRLReason (RFC 5280 5.3.1) with its code; names are the RFC's. */
public enum RevocationReason {
    unspecified(0),
    keyCompromise(1),
    cACompromise(2),
    affiliationChanged(3),
    superseded(4),
    cessationOfOperation(5),
    certificateHold(6),
    removeFromCRL(8),
    privilegeWithdrawn(9),
    aACompromise(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether an end-entity certificate may be revoked for this reason (CA and AA compromise are about CA certificates). */
    public boolean appliesToEndEntities() {
        return this != cACompromise && this != aACompromise;
    }

    public static RevocationReason of(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CRLReason " + code));
    }

    /** Parses the RFC name in any case; a null or blank reason is {@link #unspecified}. */
    public static RevocationReason parse(String text) {
        if (text == null || text.isBlank()) {
            return unspecified;
        }
        return Arrays.stream(values()).filter(r -> r.name().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new PkiException(PkiError.REVOCATION_REASON_UNKNOWN, "reason", text,
                        Arrays.toString(values())));
    }
}
