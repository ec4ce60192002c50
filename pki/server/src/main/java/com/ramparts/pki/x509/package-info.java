/**
 * Plain X.509 helpers every other package shares: the key algorithms pki supports, PEM, random
 * serial numbers, RFC 5280 times and key identifiers. Depends on Bouncy Castle and {@code error} only;
 * never sees a private key.
 */
package com.ramparts.pki.x509;
