package com.ramparts.pki.x509;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The key types pki issues for and signs with: ECDSA on P-256/P-384 and RSA 2048/3072/4096, each
 * with the SHA-2 signature algorithm its CA keys sign with.
 */
public enum KeyAlgorithm {
    EC_P256("EC", 256, "SHA256withECDSA", SECObjectIdentifiers.secp256r1),
    EC_P384("EC", 384, "SHA384withECDSA", SECObjectIdentifiers.secp384r1),
    RSA_2048("RSA", 2048, "SHA256withRSA", null),
    RSA_3072("RSA", 3072, "SHA256withRSA", null),
    RSA_4096("RSA", 4096, "SHA256withRSA", null);

    private final String jcaName;
    private final int bits;
    private final String signatureAlgorithm;
    private final ASN1ObjectIdentifier curve;

    KeyAlgorithm(String jcaName, int bits, String signatureAlgorithm, ASN1ObjectIdentifier curve) {
        this.jcaName = jcaName;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
        this.curve = curve;
    }

    /** JCA key algorithm name: {@code EC} or {@code RSA}. */
    public String jcaName() {
        return jcaName;
    }

    /** JCA name of the signature algorithm a key of this type signs certificates, CRLs and OCSP responses with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public AlgorithmParameterSpec generationParameters() {
        return curve != null
                ? new ECGenParameterSpec(this == EC_P256 ? "secp256r1" : "secp384r1")
                : new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4);
    }

    /** Human description, e.g. {@code ECDSA P-256} or {@code RSA 3072}. */
    public String describe() {
        return curve != null ? "ECDSA P-" + bits : "RSA " + bits;
    }

    /** The algorithm of a public key, or empty if pki does not support it (another curve, size or type). */
    public static Optional<KeyAlgorithm> of(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier namedCurve)) {
                return Optional.empty(); // explicit curve parameters are not allowed (RFC 5480)
            }
            return Arrays.stream(values()).filter(a -> namedCurve.equals(a.curve)).findFirst();
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            try {
                RSAPublicKey rsa = RSAPublicKey.getInstance(key.parsePublicKey());
                BigInteger exponent = rsa.getPublicExponent();
                if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
                    return Optional.empty();
                }
                int size = rsa.getModulus().bitLength();
                return Arrays.stream(values()).filter(a -> a.curve == null && a.bits == size).findFirst();
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Describes any public key, supported or not, for error messages. */
    public static String describe(SubjectPublicKeyInfo key) {
        Optional<KeyAlgorithm> known = of(key);
        if (known.isPresent()) {
            return known.get().describe();
        }
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            try {
                return "RSA " + RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
            } catch (Exception e) {
                return "RSA (unreadable)";
            }
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            return "ECDSA on curve " + key.getAlgorithm().getParameters();
        }
        return "algorithm " + algorithm.getId();
    }
}
