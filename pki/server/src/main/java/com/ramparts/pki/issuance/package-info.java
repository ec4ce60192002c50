/**
 * Issuance: the one {@link com.ramparts.pki.issuance.IssuanceService#issue} path that the REST API,
 * the OCSP responder provisioning and (later) EST, ACME and bulk issuance all call. It parses the
 * CSR, applies the profile, picks the CA, builds an RFC 5280 certificate with a fresh random serial,
 * signs it through the CA's signer and records it. May depend on {@code ca}, {@code csr},
 * {@code profile}, {@code inventory}, {@code x509} and {@code error}.
 */
package com.ramparts.pki.issuance;
