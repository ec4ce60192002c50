package com.ramparts.pki.issuance;

import com.ramparts.pki.inventory.CertificateRecord;

/** Published inside the issuing transaction, right after the certificate was recorded. */
public record CertificateIssued(CertificateRecord record) {
}
