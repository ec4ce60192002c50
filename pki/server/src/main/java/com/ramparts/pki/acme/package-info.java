/**
 * ACME (RFC 8555) at {@code /acme/}: directory, replay nonces, accounts (JWS with ES256/ES384/RS256 keys,
 * external account binding to a unit), orders, authorizations with http-01 challenges, finalize,
 * certificate download, revocation and account deactivation, all kept in SQL. An adapter: the
 * certificate comes from {@link com.ramparts.pki.issuance.IssuanceService#issue} with the configured
 * profile ({@code server-tls}), revocation from {@link com.ramparts.pki.revocation.RevocationService}.
 * Also {@code POST /api/v1/acme/eab-keys}, where a unit's IT officer gets a binding key.
 * May depend on {@code issuance}, {@code revocation}, {@code inventory}, {@code csr}, {@code ca},
 * {@code ra} (units, the caller), {@code audit}, {@code x509}, {@code config} and {@code error}.
 */
package com.ramparts.pki.acme;
