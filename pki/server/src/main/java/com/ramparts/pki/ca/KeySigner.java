package com.ramparts.pki.ca;

import com.ramparts.pki.x509.KeyAlgorithm;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A private key seen from outside: its public half and the ability to sign with it, nothing more. */
public interface KeySigner {

    KeyAlgorithm algorithm();

    SubjectPublicKeyInfo publicKey();

    /** A fresh signer for one TBS structure (certificate, CRL, OCSP response, CSR); not thread-safe, cheap to make. */
    ContentSigner contentSigner();

    /** A PKCS#10 request for this key, proving possession by its signature. */
    default PKCS10CertificationRequest certificationRequest(X500Name subject) {
        return new PKCS10CertificationRequestBuilder(subject, publicKey()).build(contentSigner());
    }

    /** The public key's DER encoding (for comparisons). */
    default byte[] publicKeyEncoded() {
        try {
            return publicKey().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
