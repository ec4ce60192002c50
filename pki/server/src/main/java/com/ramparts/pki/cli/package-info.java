/**
 * The {@code pki} command line (picocli), run from the service jar:
 * {@code java -jar ramparts-pki.jar ca init-root ...}. This slice has the CA ceremonies — an offline
 * root, issuing CAs through a CSR round trip — and uses no Spring and no database, so it runs on the
 * offline root machine. May depend on {@code ca}, {@code csr}, {@code x509} and {@code error}.
 */
package com.ramparts.pki.cli;
