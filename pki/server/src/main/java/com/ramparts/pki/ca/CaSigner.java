package com.ramparts.pki.ca;

import org.bouncycastle.cert.X509CertificateHolder;

import java.util.List;

/**
 * A signing key pki holds together with its certificate: an issuing CA, an offline root during a
 * ceremony, or a delegated OCSP responder. Business code signs through {@link #contentSigner()}
 * and never sees the private key. A PKCS#11 token would be a second implementation.
 */
public interface CaSigner extends KeySigner {

    /** Short name, e.g. {@code issuing}; used in URLs and the inventory. */
    String name();

    /** The certificate of this key. */
    default X509CertificateHolder certificate() {
        return chain().getFirst();
    }

    /** This key's certificate first, then its issuers up to (and including) the root. */
    List<X509CertificateHolder> chain();
}
