package com.ramparts.pki.issuance;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.PublicationPoints;
import com.ramparts.pki.profile.CertificateContent;
import com.ramparts.pki.profile.CertificateProfile;
import com.ramparts.pki.x509.KeyIdentifiers;
import com.ramparts.pki.x509.X509Times;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and signs an end-entity certificate from a checked request and its profile. Extensions,
 * in order: basicConstraints (critical, cA false), keyUsage (critical), extendedKeyUsage, subjectAltName
 * (critical when the subject is empty, RFC 5280 4.2.1.6), SKI, AKI, certificatePolicies, CRL
 * distribution point, AIA (OCSP, caIssuers), ocsp-nocheck.
 */
final class EndEntityCertificates {

    private EndEntityCertificates() {
    }

    static X509CertificateHolder build(CaSigner ca, CertificateProfile profile, CertificateContent content, SubjectPublicKeyInfo key,
                                       BigInteger serial, Instant notBefore, Instant notAfter, PublicationPoints points) {
        X509CertificateHolder caCertificate = ca.certificate();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(caCertificate.getSubject(), serial,
                X509Times.time(notBefore), X509Times.time(notAfter), content.subject(), key);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
            if (!profile.extendedKeyUsage().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, profile.extendedKeyUsageCritical(),
                        new ExtendedKeyUsage(profile.extendedKeyUsage().toArray(KeyPurposeId[]::new)));
            }
            if (!content.subjectAlternativeNames().isEmpty()) {
                boolean emptySubject = content.subject().getRDNs().length == 0;
                builder.addExtension(Extension.subjectAlternativeName, emptySubject,
                        new GeneralNames(content.subjectAlternativeNames().toArray(GeneralName[]::new)));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, KeyIdentifiers.authorityKeyIdentifier(caCertificate));
            if (!profile.policies().isEmpty()) {
                builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                        profile.policies().stream().map(PolicyInformation::new).toArray(PolicyInformation[]::new)));
            }
            if (profile.crlDistributionPoint()) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                        new DistributionPoint(new DistributionPointName(new GeneralNames(uri(points.crl(ca.name())))), null, null)}));
                // RFC 5280 4.2.1.15: where the delta CRLs are, so relying parties see revocations between full CRLs
                java.util.Optional<java.net.URI> delta = points.deltaCrl(ca.name());
                if (delta.isPresent()) {
                    builder.addExtension(Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[]{
                            new DistributionPoint(new DistributionPointName(new GeneralNames(uri(delta.get()))), null, null)}));
                }
            }
            List<AccessDescription> access = new ArrayList<>();
            if (profile.aiaOcsp()) {
                access.add(new AccessDescription(AccessDescription.id_ad_ocsp, uri(points.ocsp())));
            }
            if (profile.aiaCaIssuers()) {
                access.add(new AccessDescription(AccessDescription.id_ad_caIssuers, uri(points.caCertificate(ca.name()))));
            }
            if (!access.isEmpty()) {
                builder.addExtension(Extension.authorityInfoAccess, false,
                        AuthorityInformationAccess.getInstance(new org.bouncycastle.asn1.DERSequence(
                                access.toArray(AccessDescription[]::new))));
            }
            if (profile.ocspNoCheck()) {
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            }
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return builder.build(ca.contentSigner());
    }

    private static GeneralName uri(URI uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(uri.toString()));
    }
}
