/**
 * The REST API under {@code /api/v1} (certificates: issue from a CSR, read, list, revoke) and the
 * public CA certificates ({@code GET /ca/{name}.pem}, {@code .crt}). A thin adapter: it translates
 * JSON to {@code issuance} and {@code revocation} calls and every {@link com.ramparts.pki.error.PkiException}
 * to a JSON error with a stable code and a message in the caller's language. May depend on every
 * feature package; none depends on it.
 */
package com.ramparts.pki.api;
