package com.ramparts.pki;

import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.RunningPki;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import static com.ramparts.pki.testing.TestCsrs.dns;
import static com.ramparts.pki.testing.TestCsrs.email;
import static com.ramparts.pki.testing.TestCsrs.ip;
import static com.ramparts.pki.testing.TestCsrs.uri;
import static org.assertj.core.api.Assertions.assertThat;

/** Issuance through the REST API, checked by openssl and by reading the certificates. */
class IssuanceApiTest extends RunningPki {

    @Autowired
    CertificateInventory inventory;

    @ParameterizedTest
    @CsvSource({"unit-signing, any", "staff-signing, smimesign", "agent-tls, sslclient", "server-tls, sslserver"})
    void everyProfileIssuesACertificateThatOpenSslVerifies(String profile, String purpose) throws Exception {
        JsonNode issued = CLIENT.issue(profile, csrFor(profile));
        assertThat(issued.get("status").asString()).isEqualTo("VALID");
        assertThat(issued.get("ca").asString()).isEqualTo("issuing");
        Files3 files = writeForOpenSsl(profile, issued.get("chainPem").asString());

        OpenSsl.Result verify = OpenSsl.run("verify", "-x509_strict", "-purpose", purpose, "-CAfile", files.root().toString(),
                "-untrusted", files.issuing().toString(), files.leaf().toString());
        assertThat(verify.output()).endsWith(": OK\n");
        assertThat(verify.exitCode()).isZero();
    }

    @Test
    void aUnitSealCarriesTheUsagesPoliciesAndPointersOfItsProfile() throws Exception {
        JsonNode issued = CLIENT.issue("unit-signing", csrFor("unit-signing"));
        X509CertificateHolder certificate = Pem.decodeCertificates(issued.get("certificatePem").asString()).getFirst();

        Extension keyUsage = certificate.getExtension(Extension.keyUsage);
        assertThat(keyUsage.isCritical()).isTrue();
        assertThat(KeyUsage.getInstance(keyUsage.getParsedValue()).hasUsages(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)).isTrue();
        assertThat(KeyUsage.getInstance(keyUsage.getParsedValue()).hasUsages(KeyUsage.keyEncipherment)).isFalse();
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(certificate.getExtensions());
        assertThat(eku.hasKeyPurposeId(KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36")))).isTrue();
        assertThat(eku.hasKeyPurposeId(KeyPurposeId.id_kp_emailProtection)).isTrue();
        assertThat(CertificatePolicies.fromExtensions(certificate.getExtensions()).getPolicyInformation()[0].getPolicyIdentifier().getId())
                .isEqualTo("2.25.256754908223346645202017183935352256545.1.1");
        assertThat(CRLDistPoint.fromExtensions(certificate.getExtensions()).getDistributionPoints()[0].toString())
                .contains(CLIENT.base() + "/crl/issuing.crl");
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
        assertThat(aia.getAccessDescriptions()[0].getAccessLocation().getName().toString()).isEqualTo(CLIENT.base() + "/ocsp");
        assertThat(aia.getAccessDescriptions()[1].getAccessLocation().getName().toString()).isEqualTo(CLIENT.base() + "/ca/issuing.crt");
        assertThat(certificate.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
        assertThat(certificate.getExtension(Extension.authorityKeyIdentifier)).isNotNull();
        assertThat(certificate.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
        assertThat(certificate.getNotAfter().getTime() - certificate.getNotBefore().getTime()).isEqualTo(1095L * 86_400_000);

        // what caIssuers points to is the issuing CA certificate, DER, for anyone
        PkiClient.Response caIssuers = CLIENT.get("/ca/issuing.crt", false);
        assertThat(caIssuers.status()).isEqualTo(200);
        assertThat(caIssuers.contentType()).isEqualTo("application/pkix-cert");
        assertThat(new X509CertificateHolder(caIssuers.bytes()).getSubject()).isEqualTo(certificate.getIssuer());
    }

    @Test
    void theIssuedCertificateCanBeReadAndListed() {
        JsonNode issued = CLIENT.issue("agent-tls", csrFor("agent-tls"));
        CLIENT.issue("agent-tls", csrFor("agent-tls")); // paging below needs a second one, whatever ran before
        String serial = issued.get("serialNumber").asString();
        PkiClient.Response read = CLIENT.get("/api/v1/certificates/" + serial.toUpperCase(), true);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("certificatePem").asString()).isEqualTo(issued.get("certificatePem").asString());
        assertThat(read.json().get("requestedBy").asString()).isEqualTo("admin");
        assertThat(read.json().get("subject").asString()).isEqualTo("cn=site-0042,o=Ramparts"); // RFC 4514 order

        JsonNode first = CLIENT.get("/api/v1/certificates?profile=agent-tls&limit=1", true).json();
        assertThat(first.get("items")).hasSize(1);
        String next = first.get("next").asString();
        JsonNode second = CLIENT.get("/api/v1/certificates?profile=agent-tls&limit=1&after=" + next, true).json();
        assertThat(second.get("items").get(0).get("serialNumber").asString()).isNotEqualTo(first.get("items").get(0).get("serialNumber").asString());
    }

    @Test
    void badRequestsGetAClearErrorAndWriteNothing() {
        long before = inventory.count();
        assertRefused(Map.of("profile", "agent-tls", "csr", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"),
                400, "csr.malformed", "csr");
        assertRefused(Map.of("profile", "agent-tls", "csr", "x".repeat(20_000)), 413, "csr.too_large", "csr");
        String good = csrFor("agent-tls");
        String tampered = Pem.encode("CERTIFICATE REQUEST", tamper(TestCsrs.der(KeyAlgorithm.EC_P256, "O=Ramparts,CN=site-0042",
                uri("urn:ramparts:site:site-0042"))));
        assertRefused(Map.of("profile", "agent-tls", "csr", tampered), 400, "csr.signature_invalid", "csr.signature");
        assertRefused(Map.of("profile", "agent-tls", "csr", Pem.encode("CERTIFICATE REQUEST",
                TestCsrs.der(TestCsrs.otherKey("RSA_1024"), "SHA256withRSA", "CN=site-0042"))), 400, "csr.key_unsupported", "csr.publicKey");
        assertRefused(Map.of("profile", "agent-tls", "csr", TestCsrs.pem(KeyAlgorithm.EC_P256, "O=Ramparts,OU=Extra,CN=site-0042",
                uri("urn:ramparts:site:site-0042"))), 400, "profile.subject.not_allowed", "subject.OU");
        assertRefused(Map.of("profile", "no-such-profile", "csr", good), 400, "profile.unknown", "profile");
        assertRefused(Map.of("profile", "agent-tls"), 400, "request.field_missing", "csr");
        assertRefused(Map.of("profile", "agent-tls", "csr", good, "ca", "elsewhere"), 400, "profile.ca_not_allowed", "ca");
        PkiClient.Response notJson = CLIENT.postJson("/api/v1/certificates", "{\"profile\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("code").asString()).isEqualTo("request.malformed");
        Map<String, String> huge = new HashMap<>(Map.of("profile", "agent-tls", "csr", good));
        huge.put("padding", "p".repeat(70_000));
        PkiClient.Response tooLarge = CLIENT.postJson("/api/v1/certificates", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asString()).isEqualTo("request.too_large");
        assertThat(inventory.count()).isEqualTo(before);
    }

    @Test
    void errorsSpeakVietnameseWhenAskedTo() {
        PkiClient.Response refused = CLIENT.postJson("/api/v1/certificates", Map.of("profile", "staff-signing",
                "csr", TestCsrs.pem(KeyAlgorithm.EC_P256, TestCsrs.STAFF_SUBJECT)), "vi");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("profile.san.required");
        assertThat(refused.json().get("message").asString()).isEqualTo("Hồ sơ staff-signing yêu cầu tên thay thế chủ thể loại email.");
    }

    @Test
    void unknownOrMalformedSerialNumbersAreNotFoundOrRefused() {
        PkiClient.Response unknown = CLIENT.get("/api/v1/certificates/" + new BigInteger("deadbeefdeadbeef", 16).toString(16), true);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("certificate.not_found");
        PkiClient.Response malformed = CLIENT.get("/api/v1/certificates/not-hex", true);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("certificate.serial_malformed");
    }

    @Test
    void theApiNeedsTheAdministratorWhileRelyingPartiesNeedNoLogin() throws Exception {
        assertThat(CLIENT.get("/api/v1/certificates", false).status()).isEqualTo(401);
        assertThat(CLIENT.postJson("/api/v1/certificates", Map.of()).status()).isNotEqualTo(401);
        PkiClient.Response chain = CLIENT.get("/ca/issuing.pem", false);
        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.contentType()).isEqualTo("application/pem-certificate-chain");
        assertThat(Pem.decodeCertificates(chain.body())).hasSize(2); // issuing CA, then root
        assertThat(CLIENT.get("/ca/nope.pem", false).status()).isEqualTo(404);
        assertThat(CLIENT.get("/crl/issuing.crl", false).status()).isEqualTo(200);
        JsonNode cas = CLIENT.get("/api/v1/cas", true).json();
        assertThat(cas.get(0).get("name").asString()).isEqualTo("issuing");
        assertThat(cas.get(0).get("keyType").asString()).isEqualTo("EC_P256");
    }

    static String csrFor(String profile) {
        return switch (profile) {
            case "unit-signing" -> TestCsrs.pem(KeyAlgorithm.EC_P384, TestCsrs.UNIT_SUBJECT, email("vanthu@bennghe.hochiminhcity.gov.vn"));
            case "staff-signing" -> TestCsrs.pem(KeyAlgorithm.RSA_2048, TestCsrs.STAFF_SUBJECT, email("an.nv@hochiminhcity.gov.vn"));
            case "agent-tls" -> TestCsrs.pem(KeyAlgorithm.EC_P256, TestCsrs.AGENT_SUBJECT, uri("urn:ramparts:site:site-0042"));
            case "server-tls" -> TestCsrs.pem(KeyAlgorithm.EC_P256, TestCsrs.SERVER_SUBJECT, dns("portal.hcm.gov.vn"), ip("10.0.0.7"));
            default -> throw new IllegalArgumentException(profile);
        };
    }

    private static byte[] tamper(byte[] der) {
        byte[] copy = der.clone();
        copy[copy.length - 3] ^= 0x01; // inside the signature value
        return copy;
    }

    private static void assertRefused(Map<String, String> body, int status, String code, String field) {
        PkiClient.Response response = CLIENT.postJson("/api/v1/certificates", body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode error = response.json();
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).isNotBlank();
    }
}
