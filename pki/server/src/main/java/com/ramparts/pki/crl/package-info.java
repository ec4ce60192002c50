/**
 * Certificate revocation lists per issuing CA, served at {@code GET /crl/{ca}.crl}.
 * {@link com.ramparts.pki.crl.CrlWriter} writes the DER straight from a database cursor through a
 * temporary file, so a CRL with a million entries needs no more heap than one with ten;
 * {@link com.ramparts.pki.crl.CrlPublisher} keeps the current file per CA and regenerates it after a
 * revocation or when half its validity has passed. May depend on {@code ca}, {@code inventory},
 * {@code revocation}, {@code x509} and {@code config}.
 */
package com.ramparts.pki.crl;
