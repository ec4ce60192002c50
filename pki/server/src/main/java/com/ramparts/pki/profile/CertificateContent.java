package com.ramparts.pki.profile;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

import java.util.List;

/** What a request may put in its certificate after its profile checked it: the subject and the alternative names. */
public record CertificateContent(X500Name subject, List<GeneralName> subjectAlternativeNames) {

    public CertificateContent {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    }
}
