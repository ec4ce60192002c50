/**
 * The CA keys and certificates. {@link com.ramparts.pki.ca.CaSigner} is all the rest of pki sees of
 * a key: it signs TBS data and names its certificate chain. {@link com.ramparts.pki.ca.Pkcs12CaSigner}
 * is the one class holding a {@code PrivateKey}, read from an encrypted PKCS#12 keystore whose
 * {@link com.ramparts.pki.ca.Passphrase} comes from a file or the environment and is never logged.
 * {@link com.ramparts.pki.ca.CaCertificates} builds root, issuing-CA and placeholder certificates for
 * the ceremonies; {@link com.ramparts.pki.ca.CertificateAuthorities} is the set of online CAs the
 * service signs with. May depend on {@code x509}, {@code csr}, {@code error} and {@code config}.
 */
package com.ramparts.pki.ca;
