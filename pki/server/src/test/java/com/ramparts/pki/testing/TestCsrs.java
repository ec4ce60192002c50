package com.ramparts.pki.testing;

import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Certification requests as requesters' tools make them, signed by real keys (cached per key type: key generation is slow). */
public final class TestCsrs {

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();

    private TestCsrs() {
    }

    public static KeyPair key(KeyAlgorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm.name(), n -> generate(algorithm.jcaName(), algorithm.generationParameters()));
    }

    /** Keys pki does not support. */
    public static KeyPair otherKey(String name) {
        return KEYS.computeIfAbsent(name, n -> switch (n) {
            case "RSA_1024" -> generate("RSA", new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4));
            case "EC_P521" -> generate("EC", new ECGenParameterSpec("secp521r1"));
            case "Ed25519" -> generate("Ed25519", null);
            default -> throw new IllegalArgumentException(n);
        });
    }

    public static byte[] der(KeyPair key, String signatureAlgorithm, String subject, GeneralName... alternativeNames) {
        return der(key, signatureAlgorithm, new X500Name(subject), alternativeNames);
    }

    public static byte[] der(KeyPair key, String signatureAlgorithm, X500Name subject, GeneralName... alternativeNames) {
        try {
            PKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic());
            if (alternativeNames.length > 0) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            return builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(key.getPrivate())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] der(KeyAlgorithm algorithm, String subject, GeneralName... alternativeNames) {
        return der(key(algorithm), algorithm.signatureAlgorithm(), subject, alternativeNames);
    }

    public static String pem(KeyAlgorithm algorithm, String subject, GeneralName... alternativeNames) {
        return Pem.encode("CERTIFICATE REQUEST", der(algorithm, subject, alternativeNames));
    }

    public static byte[] pemBytes(KeyAlgorithm algorithm, String subject, GeneralName... alternativeNames) {
        return pem(algorithm, subject, alternativeNames).getBytes(StandardCharsets.US_ASCII);
    }

    public static GeneralName email(String address) {
        return new GeneralName(GeneralName.rfc822Name, address);
    }

    public static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    public static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    public static GeneralName uri(String uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
    }

    /** The subjects and names each shipped profile accepts. */
    public static final String UNIT_SUBJECT = "C=VN,L=Ho Chi Minh City,O=Phường Bến Nghé,organizationIdentifier=VN-79-26734,CN=Ủy ban nhân dân phường Bến Nghé";
    public static final String STAFF_SUBJECT = "C=VN,O=Phường Bến Nghé,T=Chuyên viên,CN=Nguyễn Văn An,serialNumber=CCCD-079090001234";
    public static final String AGENT_SUBJECT = "O=Ramparts,CN=site-0042";
    public static final String SERVER_SUBJECT = "CN=portal.hcm.gov.vn";

    public static KeyPair generate(String algorithm, AlgorithmParameterSpec parameters) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (parameters != null) {
                generator.initialize(parameters);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
