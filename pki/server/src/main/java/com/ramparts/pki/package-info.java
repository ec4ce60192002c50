/**
 * The pki service: a certificate authority for the city's units, staff, agents and servers, and
 * its {@code pki} command line (same jar; {@link com.ramparts.pki.PkiApplication} picks which).
 * Feature packages below this one: {@code x509}, {@code ca}, {@code csr}, {@code profile},
 * {@code issuance}, {@code inventory}, {@code revocation}, {@code crl}, {@code ocsp}, {@code api},
 * {@code cli}, {@code error}, {@code config}, {@code security}, {@code ra}, {@code token}, {@code audit};
 * docs/pki.md shows how they fit.
 */
package com.ramparts.pki;
