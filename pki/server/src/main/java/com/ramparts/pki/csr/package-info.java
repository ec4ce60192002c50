/**
 * PKCS#10 certification requests as they arrive (PEM or DER): size limit, strict DER parsing,
 * supported key types, an accepted signature algorithm and a valid proof-of-possession signature,
 * each refusal with its own error code. Depends on {@code x509} and {@code error}.
 */
package com.ramparts.pki.csr;
