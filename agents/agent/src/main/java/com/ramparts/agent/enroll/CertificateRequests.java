package com.ramparts.agent.enroll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 requests as pki's agent-tls profile wants them: subject {@code O=Ramparts, CN=<site id>},
 * one SAN URI {@code urn:ramparts:site:<site id>}. A renewal repeats the current certificate's
 * subject and names exactly, which pki requires of a re-enrolment.
 */
final class CertificateRequests {

    static final String ORGANISATION = "Ramparts";

    private CertificateRequests() {
    }

    /** The URI SAN that names a site. */
    static String siteUri(String siteId) {
        return "urn:ramparts:site:" + siteId;
    }

    /** The DER of a first request for a site. */
    static byte[] forSite(String siteId, KeyPair keys) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.CN, siteId)
                .build();
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, siteUri(siteId)));
        return build(subject, names, keys);
    }

    /** The DER of a renewal request: the current certificate's subject and SANs, the new key. */
    static byte[] renewing(X509Certificate current, KeyPair keys) {
        try {
            X500Name subject = X500Name.getInstance(current.getSubjectX500Principal().getEncoded());
            byte[] sanValue = current.getExtensionValue(Extension.subjectAlternativeName.getId());
            GeneralNames names = sanValue == null ? null : GeneralNames.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(sanValue).getOctets());
            return build(subject, names, keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the current certificate's names cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] build(X500Name subject, GeneralNames names, KeyPair keys) {
        try {
            JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic());
            if (names != null) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, names);
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            ContentSigner signer = new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(keys.getPrivate()))
                    .build(keys.getPrivate());
            return builder.build(signer).getEncoded();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the certificate request: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
