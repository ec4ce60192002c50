package com.ramparts.pki.issuance;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The keys a CA delegates a job to (the OCSP responder, the time-stamping authority): kept in their
 * own keystore, used while their certificate comes from the CA's current key and has more than
 * {@code renewBefore} left, otherwise replaced by a fresh key whose certificate the one issuance
 * path issues under the job's profile.
 */
public final class DelegatedSigners {

    private static final Logger log = LoggerFactory.getLogger(DelegatedSigners.class);

    private DelegatedSigners() {
    }

    /**
     * @param job   short name of the job, e.g. {@code ocsp} or {@code tsa} (key alias suffix, requester)
     * @param title how the certificate's CN names the job, e.g. {@code OCSP Responder}
     */
    public static CaSigner loadOrIssue(CaSigner ca, String job, String title, Path keystore, Passphrase passphrase,
                                       IssuanceService issuance, String profile, Duration renewBefore, Instant now) {
        String alias = ca.name() + "-" + job;
        if (Files.exists(keystore)) {
            Pkcs12CaSigner existing = Pkcs12CaSigner.load(alias, keystore, passphrase);
            X509CertificateHolder certificate = existing.certificate();
            Duration left = Duration.between(now, certificate.getNotAfter().toInstant());
            if (issuedBy(certificate, ca) && left.compareTo(renewBefore) > 0) {
                return existing;
            }
            log.info("Replacing the {} key of CA {} (certificate ends {}, or the CA key changed)", title, ca.name(),
                    certificate.getNotAfter().toInstant());
        }
        Pkcs12CaSigner signer = Pkcs12CaSigner.generate(alias, keystore, passphrase, ca.algorithm(), true, key -> {
            try {
                byte[] csr = key.certificationRequest(subject(ca, title)).getEncoded();
                IssuedCertificate issued = issuance.issue(new IssuanceRequest(csr, profile, ca.name(), "system:" + job));
                return Stream.concat(Stream.of(issued.certificate()), ca.chain().stream()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        log.info("{} certificate for CA {} issued, serial {}, valid until {}", title, ca.name(),
                signer.certificate().getSerialNumber().toString(16), signer.certificate().getNotAfter().toInstant());
        return signer;
    }

    /** C and O of the CA, and a CN naming the job: "{@code <CA's CN> <title>}" (at most 64 characters). */
    public static X500Name subject(CaSigner ca, String title) {
        X500Name caSubject = ca.certificate().getSubject();
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (var type : List.of(BCStyle.C, BCStyle.O)) {
            RDN[] rdns = caSubject.getRDNs(type);
            if (rdns.length == 1) {
                builder.addRDN(type, rdns[0].getFirst().getValue());
            }
        }
        RDN[] cn = caSubject.getRDNs(BCStyle.CN);
        String caName = cn.length > 0 && cn[0].getFirst().getValue() instanceof ASN1String text ? text.getString() : ca.name();
        String commonName = caName + " " + title;
        builder.addRDN(BCStyle.CN, commonName.length() <= 64 ? commonName : commonName.substring(0, 64));
        return builder.build();
    }

    private static boolean issuedBy(X509CertificateHolder certificate, CaSigner ca) {
        try {
            return certificate.getIssuer().equals(ca.certificate().getSubject())
                    && certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.certificate()));
        } catch (Exception e) {
            return false;
        }
    }
}
