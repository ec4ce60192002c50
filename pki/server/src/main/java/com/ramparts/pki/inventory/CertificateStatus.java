package com.ramparts.pki.inventory;

/** Revocation state as stored; expiry is derived from {@code notAfter}, never stored. */
public enum CertificateStatus {
    VALID,
    /** permanently revoked */
    REVOKED,
    /** suspended (reason certificateHold); may be released */
    ON_HOLD
}
