package com.ramparts.pki.inventory;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One issued certificate.
 *
 * @param revokedAt null unless revoked or on hold
 * @param revocationReason the RFC 5280 CRLReason code, null unless revoked or on hold
 * @param der the certificate as issued
 */
public record CertificateRecord(BigInteger serialNumber, String caName, String profile, String subject,
                                Instant notBefore, Instant notAfter, CertificateStatus status, Instant revokedAt,
                                Integer revocationReason, String revokedBy, Instant issuedAt, String requestedBy,
                                String publicKeySha256, byte[] der) {
}
