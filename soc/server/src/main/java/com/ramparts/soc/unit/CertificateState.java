package com.ramparts.soc.unit;

import java.time.Duration;
import java.time.Instant;

/** The state of a unit's signing certificate, as posture reports it. */
public enum CertificateState {
    /** valid and not ending within the warning period */
    VALID,
    /** valid, but ending within the warning period: renew now */
    EXPIRING,
    /** its validity ended */
    EXPIRED,
    /** revoked or suspended (on hold) */
    REVOKED,
    /** pki has no unit-signing certificate for the unit */
    MISSING;

    /** Whether the unit can sign today (valid or expiring). */
    public boolean usable() {
        return this == VALID || this == EXPIRING;
    }

    /**
     * The state of one certificate at {@code now}.
     *
     * @param pkiStatus pki's stored status: VALID, REVOKED or ON_HOLD
     */
    public static CertificateState of(String pkiStatus, Instant notBefore, Instant notAfter, Instant now, Duration expiringWithin) {
        if (!"VALID".equals(pkiStatus)) {
            return REVOKED;
        }
        if (!now.isBefore(notAfter)) {
            return EXPIRED;
        }
        if (notBefore != null && now.isBefore(notBefore)) {
            return MISSING; // not yet valid: the unit cannot sign with it today
        }
        return now.plus(expiringWithin).isBefore(notAfter) ? VALID : EXPIRING;
    }
}
