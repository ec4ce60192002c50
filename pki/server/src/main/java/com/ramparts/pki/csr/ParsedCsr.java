package com.ramparts.pki.csr;

import com.ramparts.pki.x509.KeyAlgorithm;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.util.List;

/**
 * A certification request whose signature proved possession of its key.
 *
 * @param subject the subject as requested (the profile decides what is kept)
 * @param subjectAlternativeNames the names of the request's subjectAltName extension request; empty if none
 */
public record ParsedCsr(X500Name subject, SubjectPublicKeyInfo publicKey, KeyAlgorithm keyAlgorithm,
                        List<GeneralName> subjectAlternativeNames) {

    public ParsedCsr {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    }
}
