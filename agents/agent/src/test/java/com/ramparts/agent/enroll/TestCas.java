package com.ramparts.agent.enroll;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Small certificate hierarchies for unit tests of trust decisions (the real pki is used in the launcher's AgentTlsIT). */
final class TestCas {

    record Ca(KeyPair keys, X509Certificate certificate) {
    }

    private TestCas() {
    }

    static Ca root(String name) {
        KeyPair keys = KeyPairs.generate();
        return new Ca(keys, certificate(name, keys.getPublic(), new X500Name(name), keys, true, Duration.ofDays(10)));
    }

    static Ca issuing(String name, Ca parent) {
        KeyPair keys = KeyPairs.generate();
        return new Ca(keys, certificate(name, keys.getPublic(), nameOf(parent), parent.keys(), true, Duration.ofDays(10)));
    }

    /** A CA certificate that names {@code claimedIssuer} as its issuer but is signed by {@code realSigner}. */
    static Ca forged(String name, Ca claimedIssuer, Ca realSigner) {
        KeyPair keys = KeyPairs.generate();
        return new Ca(keys, certificate(name, keys.getPublic(), nameOf(claimedIssuer), realSigner.keys(), true,
                Duration.ofDays(10)));
    }

    static X509Certificate leaf(String subject, PublicKey key, Ca issuer, Duration lifetime) {
        return certificate(subject, key, nameOf(issuer), issuer.keys(), false, lifetime);
    }

    private static X500Name nameOf(Ca ca) {
        return X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    }

    private static X509Certificate certificate(String subject, PublicKey key, X500Name issuer, KeyPair signer, boolean ca,
                                               Duration lifetime) {
        try {
            Instant now = Instant.now().minusSeconds(60);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(System.nanoTime()), Date.from(now), Date.from(now.plus(lifetime)),
                    new X500Name(subject), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
