/**
 * EST (RFC 7030) at {@code /.well-known/est/}: {@code cacerts}, {@code simpleenroll} authorised by a
 * one-time {@link com.ramparts.pki.est.EnrolmentTokens enrolment token} bound to a site, and
 * {@code simplereenroll} authorised by the client's current certificate (TLS client auth). An adapter:
 * it translates the wire format and calls {@link com.ramparts.pki.issuance.IssuanceService#issue};
 * the profile decides what the certificate holds. Also the administrator's
 * {@code POST /api/v1/enrolment-tokens}. May depend on {@code issuance}, {@code inventory},
 * {@code csr}, {@code ca}, {@code x509}, {@code config} and {@code error}.
 */
package com.ramparts.pki.est;
