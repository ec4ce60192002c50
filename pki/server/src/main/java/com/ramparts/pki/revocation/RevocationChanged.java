package com.ramparts.pki.revocation;

import java.math.BigInteger;

/**
 * Published inside the revoking transaction after a certificate of {@code caName} was revoked, held
 * or released (the CRL marks itself stale; the audit log appends its entry).
 */
public record RevocationChanged(String caName, BigInteger serialNumber, RevocationReason reason, String actor) {
}
