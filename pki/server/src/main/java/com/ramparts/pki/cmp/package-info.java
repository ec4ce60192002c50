/**
 * CMP (RFC 4210, RFC 9483 lightweight profile) over HTTP at {@code /.well-known/cmp} (RFC 6712):
 * ir, cr and p10cr protected by a PasswordBasedMac keyed with a one-time enrolment secret bound to
 * a site, kur and rr protected by a signature of the current certificate, certConf answered with
 * pkiConf. An adapter: certificates come from {@link com.ramparts.pki.issuance.IssuanceService#issue},
 * revocation from {@link com.ramparts.pki.revocation.RevocationService}. Also the administrator's
 * {@code POST /api/v1/cmp/secrets}. May depend on {@code issuance}, {@code revocation},
 * {@code inventory}, {@code csr}, {@code ca}, {@code audit}, {@code x509}, {@code config} and {@code error}.
 */
package com.ramparts.pki.cmp;
