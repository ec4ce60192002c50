package com.ramparts.pki.issuance;

/**
 * A request to issue one certificate.
 *
 * @param csr the PKCS#10 request, PEM or DER
 * @param profile the profile name
 * @param ca the issuing CA, or null for the profile's default
 * @param requestedBy who asks (user name or {@code system:...}), recorded with the certificate
 */
public record IssuanceRequest(byte[] csr, String profile, String ca, String requestedBy) {
}
