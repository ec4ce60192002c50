package com.ramparts.pki.csr;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.x509.KeyAlgorithm;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Turns the bytes a requester sent into a {@link ParsedCsr}, or refuses them saying why. */
public final class CertificationRequests {

    /** Signature algorithms a CSR may be signed with: SHA-2 family only. */
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_SIGNATURES = Set.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512,
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS,
            NISTObjectIdentifiers.id_ecdsa_with_sha3_256, NISTObjectIdentifiers.id_ecdsa_with_sha3_384);

    private CertificationRequests() {
    }

    /**
     * Parses a PEM ({@code CERTIFICATE REQUEST} or {@code NEW CERTIFICATE REQUEST}) or DER request.
     *
     * @param maxBytes the largest input accepted, checked before any parsing
     */
    public static ParsedCsr parse(byte[] input, int maxBytes) {
        if (input == null || input.length == 0) {
            throw new PkiException(PkiError.CSR_MALFORMED, "csr", "it is empty");
        }
        if (input.length > maxBytes) {
            throw new PkiException(PkiError.CSR_TOO_LARGE, "csr", String.valueOf(input.length), String.valueOf(maxBytes));
        }
        PKCS10CertificationRequest request = decode(input);
        ASN1ObjectIdentifier signatureAlgorithm = request.getSignatureAlgorithm().getAlgorithm();
        if (!ACCEPTED_SIGNATURES.contains(signatureAlgorithm)) {
            throw new PkiException(PkiError.CSR_SIGNATURE_ALGORITHM_UNSUPPORTED, "csr", signatureAlgorithm.getId());
        }
        KeyAlgorithm keyAlgorithm = KeyAlgorithm.of(request.getSubjectPublicKeyInfo())
                .orElseThrow(() -> new PkiException(PkiError.CSR_KEY_UNSUPPORTED, "csr.publicKey",
                        KeyAlgorithm.describe(request.getSubjectPublicKeyInfo())));
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new PkiException(PkiError.CSR_SIGNATURE_INVALID, "csr.signature");
        }
        return new ParsedCsr(request.getSubject(), request.getSubjectPublicKeyInfo(), keyAlgorithm, subjectAlternativeNames(request));
    }

    private static PKCS10CertificationRequest decode(byte[] input) {
        byte[] der = input;
        if (looksLikePem(input)) {
            try {
                List<PemObject> objects = com.ramparts.pki.x509.Pem.decodeAll(new String(input, StandardCharsets.US_ASCII));
                if (objects.size() != 1 || !objects.getFirst().getType().endsWith("CERTIFICATE REQUEST")) {
                    throw new PkiException(PkiError.CSR_MALFORMED, "csr", "expected exactly one PEM block of type CERTIFICATE REQUEST");
                }
                der = objects.getFirst().getContent();
            } catch (IOException | RuntimeException e) {
                if (e instanceof PkiException pki) {
                    throw pki;
                }
                throw new PkiException(PkiError.CSR_MALFORMED, "csr", e, "its PEM armour or base64 is broken");
            }
        }
        try {
            // strict DER: BC refuses trailing data and indefinite lengths here
            ASN1Primitive.fromByteArray(der);
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(der);
            return request;
        } catch (IOException | RuntimeException e) {
            throw new PkiException(PkiError.CSR_MALFORMED, "csr", e, "it is not a DER-encoded PKCS#10 request");
        }
    }

    private static List<GeneralName> subjectAlternativeNames(PKCS10CertificationRequest request) {
        try {
            for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                if (attribute.getAttrValues().size() != 1) {
                    throw new PkiException(PkiError.CSR_MALFORMED, "csr.extensionRequest", "its extensionRequest attribute has several values");
                }
                Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
                Extension san = extensions.getExtension(Extension.subjectAlternativeName);
                if (san != null) {
                    return List.of(GeneralNames.getInstance(san.getParsedValue()).getNames());
                }
            }
            return List.of();
        } catch (PkiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PkiException(PkiError.CSR_MALFORMED, "csr.extensionRequest", e, "its subjectAltName extension request cannot be read");
        }
    }

    private static boolean looksLikePem(byte[] input) {
        for (byte b : input) {
            if (b == '-') {
                return true;
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return false;
    }
}
