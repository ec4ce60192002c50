package com.ramparts.pki.ca;

import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.x509.KeyIdentifiers;
import com.ramparts.pki.x509.SerialNumbers;
import com.ramparts.pki.x509.X509Times;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The certificates of the CA hierarchy itself: a self-signed root, an issuing CA signed by the root
 * from its CSR, and the placeholder an issuing CA's keystore holds until the root has signed.
 */
public final class CaCertificates {

    private CaCertificates() {
    }

    /** Parses a subject as written on the command line, in encoding order, e.g. {@code C=VN,O=City,CN=Root CA}. */
    public static X500Name subject(String text) {
        X500Name name;
        try {
            name = new X500Name(BCStyle.INSTANCE, text);
        } catch (RuntimeException e) {
            throw new PkiException(PkiError.CA_SUBJECT_INVALID, "subject", e, text);
        }
        if (name.getAttributeTypes().length == 0 || name.getRDNs(BCStyle.CN).length != 1) {
            throw new PkiException(PkiError.CA_SUBJECT_INVALID, "subject", text);
        }
        return name;
    }

    /** A root: self-signed, CA without path length limit, keyCertSign + cRLSign, SKI (no AKI: RFC 5280 4.2.1.1 allows that for self-signed). */
    public static List<X509CertificateHolder> selfSignedRoot(KeySigner key, X500Name subject, Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = builder(subject, subject, key.publicKey(), notBefore, notAfter);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subjectKeyIdentifier(key.publicKey()));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return List.of(builder.build(key.contentSigner()));
    }

    /**
     * An issuing CA certificate for a request, signed by the root. Its validity ends no later than the
     * root's; its path length is 0 (it signs end-entity certificates only).
     *
     * @param crlUrl where the root's CRL is published, or null
     * @param caIssuersUrl where the root certificate is published, or null
     */
    public static List<X509CertificateHolder> issuingCa(CaSigner root, ParsedCsr request, Instant notBefore, Instant notAfter,
                                                        URI crlUrl, URI caIssuersUrl) {
        if (request.subject().getAttributeTypes().length == 0) {
            throw new PkiException(PkiError.CA_SUBJECT_INVALID, "csr.subject", "(empty)");
        }
        X509CertificateHolder rootCertificate = root.certificate();
        Instant rootEnd = rootCertificate.getNotAfter().toInstant();
        X509v3CertificateBuilder builder = builder(rootCertificate.getSubject(), request.subject(), request.publicKey(),
                notBefore, notAfter.isAfter(rootEnd) ? rootEnd : notAfter);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subjectKeyIdentifier(request.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, KeyIdentifiers.authorityKeyIdentifier(rootCertificate));
            if (crlUrl != null) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                        new DistributionPoint(new DistributionPointName(new GeneralNames(uri(crlUrl))), null, null)}));
            }
            if (caIssuersUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caIssuersUrl))));
            }
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        X509CertificateHolder issued = builder.build(root.contentSigner());
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(issued), root.chain().stream()).toList();
    }

    /**
     * A self-signed stand-in a new issuing CA key is stored with until the root's certificate is
     * installed. It is no CA certificate (no basicConstraints), so the service refuses to sign with it.
     */
    public static List<X509CertificateHolder> placeholder(KeySigner key, X500Name subject, Instant now) {
        return List.of(builder(subject, subject, key.publicKey(), now, now.plusSeconds(86_400)).build(key.contentSigner()));
    }

    /** Whether a certificate is fit to be a CA's: basicConstraints cA=true and keyCertSign. */
    public static boolean isCaCertificate(X509CertificateHolder certificate) {
        BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
        KeyUsage usage = KeyUsage.fromExtensions(certificate.getExtensions());
        return constraints != null && constraints.isCA() && usage != null && usage.hasUsages(KeyUsage.keyCertSign);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, SubjectPublicKeyInfo key,
                                                    Instant notBefore, Instant notAfter) {
        return new X509v3CertificateBuilder(issuer, SerialNumbers.random(), X509Times.time(notBefore),
                X509Times.time(notAfter), subject, key);
    }

    private static GeneralName uri(URI uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(uri.toString()));
    }
}
