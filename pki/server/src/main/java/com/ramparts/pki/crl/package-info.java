/**
 * Certificate revocation lists per issuing CA, full and delta.
 * {@link com.ramparts.pki.crl.CrlWriter} writes the DER straight from a database cursor through a
 * temporary file, so a CRL with a million entries needs no more heap than one with ten;
 * {@link com.ramparts.pki.crl.CrlPublisher} keeps the current full and delta CRL (RFC 5280 5.2.4) per
 * CA, regenerates them on a schedule before their nextUpdate and after revocations (recorded in
 * {@code crl_change} for the deltas), served at {@code /crl/{ca}.crl} and {@code /crl/{ca}-delta.crl}.
 * May depend on {@code ca}, {@code inventory}, {@code revocation}, {@code error}, {@code x509} and {@code config}.
 */
package com.ramparts.pki.crl;
