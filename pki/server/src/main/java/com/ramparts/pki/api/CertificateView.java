package com.ramparts.pki.api;

import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.revocation.RevocationReason;
import com.ramparts.pki.x509.Pem;
import com.ramparts.pki.x509.SerialNumbers;

import java.time.Instant;

/**
 * A certificate as the API shows it.
 *
 * @param serialNumber lower-case hexadecimal
 * @param status VALID, REVOKED or ON_HOLD
 * @param revocationReason the RFC 5280 reason name, null unless revoked or on hold
 * @param certificatePem the certificate, PEM; null in lists
 * @param chainPem the certificate followed by its CA chain up to the root, PEM; only in the answer to issuance
 */
public record CertificateView(String serialNumber, String ca, String profile, String subject, Instant notBefore,
                              Instant notAfter, String status, Instant revokedAt, String revocationReason, Instant issuedAt,
                              String requestedBy, String certificatePem, String chainPem) {

    static CertificateView of(CertificateRecord record, boolean withPem, String chainPem) {
        return new CertificateView(SerialNumbers.hex(record.serialNumber()), record.caName(), record.profile(), record.subject(),
                record.notBefore(), record.notAfter(), record.status().name(), record.revokedAt(),
                record.revocationReason() == null ? null : RevocationReason.of(record.revocationReason()).name(),
                record.issuedAt(), record.requestedBy(), withPem ? Pem.encode("CERTIFICATE", record.der()) : null, chainPem);
    }
}
