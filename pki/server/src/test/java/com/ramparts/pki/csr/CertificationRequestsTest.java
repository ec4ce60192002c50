package com.ramparts.pki.csr;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CertificationRequestsTest {

    static final int LIMIT = 16384;

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void acceptsPemAndDerRequestsForEverySupportedKey(KeyAlgorithm algorithm) {
        ParsedCsr fromPem = CertificationRequests.parse(TestCsrs.pemBytes(algorithm, "CN=a", TestCsrs.dns("a.gov.vn")), LIMIT);
        ParsedCsr fromDer = CertificationRequests.parse(TestCsrs.der(algorithm, "CN=a", TestCsrs.dns("a.gov.vn")), LIMIT);
        assertThat(fromPem.keyAlgorithm()).isEqualTo(algorithm);
        assertThat(fromDer.subjectAlternativeNames()).containsExactly(TestCsrs.dns("a.gov.vn"));
    }

    @Test
    void refusesAnOversizedRequestBeforeParsingIt() {
        byte[] huge = new byte[LIMIT + 1];
        assertRefused(huge, PkiError.CSR_TOO_LARGE, "The certificate request is 16385 bytes; at most 16384 are accepted.");
    }

    @Test
    void refusesEmptyGarbageAndWrongPemBlocks() {
        assertRefused(new byte[0], PkiError.CSR_MALFORMED, "it is empty");
        assertRefused("hello".getBytes(StandardCharsets.US_ASCII), PkiError.CSR_MALFORMED, "not a DER-encoded PKCS#10 request");
        assertRefused(Pem.encode("CERTIFICATE", new byte[]{1, 2, 3}).getBytes(StandardCharsets.US_ASCII), PkiError.CSR_MALFORMED,
                "expected exactly one PEM block of type CERTIFICATE REQUEST");
        assertRefused("-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n".getBytes(StandardCharsets.US_ASCII),
                PkiError.CSR_MALFORMED, "malformed");
    }

    @Test
    void refusesTruncatedOrTrailingDer() {
        byte[] der = TestCsrs.der(KeyAlgorithm.EC_P256, "CN=a");
        assertRefused(Arrays.copyOf(der, der.length - 5), PkiError.CSR_MALFORMED, "not a DER-encoded");
        assertRefused(Arrays.copyOf(der, der.length + 3), PkiError.CSR_MALFORMED, "not a DER-encoded");
    }

    @Test
    void refusesARequestWhoseSignatureDoesNotProvePossession() {
        byte[] der = TestCsrs.der(KeyAlgorithm.EC_P256, "CN=alice");
        byte[] tampered = der.clone();
        int at = indexOf(tampered, "alice".getBytes(StandardCharsets.US_ASCII));
        tampered[at] = 'm'; // CN=mlice: same length, signature no longer covers it
        assertRefused(tampered, PkiError.CSR_SIGNATURE_INVALID, "no proof of possession");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA_1024", "EC_P521", "Ed25519"})
    void refusesKeysPkiDoesNotIssueFor(String key) {
        String signature = switch (key) {
            case "RSA_1024" -> "SHA256withRSA";
            case "EC_P521" -> "SHA512withECDSA";
            default -> "Ed25519";
        };
        PkiError expected = key.equals("Ed25519") ? PkiError.CSR_SIGNATURE_ALGORITHM_UNSUPPORTED : PkiError.CSR_KEY_UNSUPPORTED;
        assertRefused(TestCsrs.der(TestCsrs.otherKey(key), signature, "CN=a"), expected, key.equals("RSA_1024") ? "RSA 1024" : "");
    }

    @Test
    void refusesSha1Signatures() {
        assertRefused(TestCsrs.der(TestCsrs.key(KeyAlgorithm.RSA_2048), "SHA1withRSA", "CN=a"),
                PkiError.CSR_SIGNATURE_ALGORITHM_UNSUPPORTED, "1.2.840.113549.1.1.5");
    }

    private static void assertRefused(byte[] input, PkiError error, String message) {
        PkiException refused = catchThrowableOfType(PkiException.class, () -> CertificationRequests.parse(input, LIMIT));
        assertThat(refused).isNotNull();
        assertThat(refused.error()).isEqualTo(error);
        assertThat(refused.getMessage()).contains(message);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
