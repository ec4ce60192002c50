/**
 * The OCSP responder (RFC 6960): {@link com.ramparts.pki.ocsp.OcspResponder} answers good, revoked
 * (time and reason) or unknown from the inventory, echoes the nonce and signs with a delegated
 * responder key per CA; {@link com.ramparts.pki.ocsp.OcspSigners} issues those responder
 * certificates through the issuance core (profile {@code ocsp-signer}) at start and renews them;
 * {@link com.ramparts.pki.ocsp.OcspPresigner} keeps a pre-signed response per certificate in
 * {@code ocsp_response}, which {@link com.ramparts.pki.ocsp.PresignedResponses} hands to requests
 * without a nonce (RFC 5019); {@link com.ramparts.pki.ocsp.OcspHttpFilter} serves {@code POST /ocsp} and {@code GET /ocsp/{base64}}.
 * May depend on {@code ca}, {@code issuance}, {@code inventory}, {@code revocation}, {@code x509},
 * {@code config}.
 */
package com.ramparts.pki.ocsp;
