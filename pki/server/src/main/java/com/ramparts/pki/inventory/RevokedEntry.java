package com.ramparts.pki.inventory;

import java.math.BigInteger;
import java.time.Instant;

/** A CRL entry's worth of a revoked certificate. */
public record RevokedEntry(BigInteger serialNumber, Instant revokedAt, int reason) {
}
