package com.ramparts.pki.x509;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Subject and authority key identifiers (RFC 5280 4.2.1.1, 4.2.1.2). */
public final class KeyIdentifiers {

    private KeyIdentifiers() {
    }

    /** Method (1) of RFC 5280 4.2.1.2: SHA-1 of the subjectPublicKey bits (an identifier, not a security function). */
    public static SubjectKeyIdentifier subjectKeyIdentifier(SubjectPublicKeyInfo key) {
        try {
            return new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(key.getPublicKeyData().getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key identifier of a CA certificate: its SKI extension, or computed from its key if it has none. */
    public static byte[] keyIdentifierOf(X509CertificateHolder certificate) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        return ski != null ? ski.getKeyIdentifier() : subjectKeyIdentifier(certificate.getSubjectPublicKeyInfo()).getKeyIdentifier();
    }

    /** An AKI naming the issuer by key identifier only (what RFC 5280 requires; no issuer/serial pair). */
    public static AuthorityKeyIdentifier authorityKeyIdentifier(X509CertificateHolder issuer) {
        return new AuthorityKeyIdentifier(keyIdentifierOf(issuer));
    }
}
