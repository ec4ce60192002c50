package com.ramparts.pki;

import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.RunningPki;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Revocation as relying parties see it: openssl ocsp against the running responder, openssl crl on the served CRL. */
class RevocationStatusTest extends RunningPki {

    @Test
    void openSslOcspSaysGoodRevokedAndUnknown() {
        JsonNode good = CLIENT.issue("agent-tls", IssuanceApiTest.csrFor("agent-tls"));
        JsonNode revoked = CLIENT.issue("server-tls", IssuanceApiTest.csrFor("server-tls"));
        assertThat(revoke(revoked, "keyCompromise").status()).isEqualTo(200);
        Files3 goodFiles = writeForOpenSsl("ocsp-good", good.get("chainPem").asString());
        Files3 revokedFiles = writeForOpenSsl("ocsp-revoked", revoked.get("chainPem").asString());

        OpenSsl.Result goodAnswer = ocsp("-cert", goodFiles.leaf().toString(), goodFiles);
        assertThat(goodAnswer.output()).contains("Response verify OK").contains(goodFiles.leaf() + ": good")
                .doesNotContain("WARNING"); // openssl warns when the nonce is missing or wrong
        assertThat(goodAnswer.exitCode()).isZero();

        OpenSsl.Result revokedAnswer = ocsp("-cert", revokedFiles.leaf().toString(), revokedFiles);
        assertThat(revokedAnswer.output()).contains("Response verify OK").contains(revokedFiles.leaf() + ": revoked")
                .contains("Reason: keyCompromise").contains("Revocation Time:");

        OpenSsl.Result unknownAnswer = ocsp("-serial", "0x1234567890abcdef", goodFiles);
        assertThat(unknownAnswer.output()).contains("Response verify OK").contains("0x1234567890abcdef: unknown");
    }

    @Test
    void aHeldCertificateIsRevokedForCertificateHoldUntilReleased() {
        JsonNode issued = CLIENT.issue("agent-tls", IssuanceApiTest.csrFor("agent-tls"));
        Files3 files = writeForOpenSsl("hold", issued.get("chainPem").asString());
        assertThat(revoke(issued, "certificateHold").json().get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(ocsp("-cert", files.leaf().toString(), files).output()).contains(": revoked").contains("Reason: certificateHold");

        assertThat(revoke(issued, "removeFromCRL").json().get("status").asString()).isEqualTo("VALID");
        assertThat(ocsp("-cert", files.leaf().toString(), files).output()).contains(files.leaf() + ": good");

        PkiClient.Response notHeld = revoke(issued, "removeFromCRL");
        assertThat(notHeld.status()).isEqualTo(409);
        assertThat(notHeld.json().get("code").asString()).isEqualTo("revocation.not_on_hold");
    }

    @Test
    void revokingTwiceIsAConflictThatChangesNothing() {
        JsonNode issued = CLIENT.issue("agent-tls", IssuanceApiTest.csrFor("agent-tls"));
        JsonNode first = revoke(issued, "superseded").json();
        PkiClient.Response second = revoke(issued, "keyCompromise");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("revocation.already_revoked");
        JsonNode after = CLIENT.get("/api/v1/certificates/" + issued.get("serialNumber").asString(), true).json();
        assertThat(after.get("revocationReason").asString()).isEqualTo("superseded");
        assertThat(after.get("revokedAt").asString()).isEqualTo(first.get("revokedAt").asString());

        assertThat(revoke(issued, "cACompromise").json().get("code").asString()).isEqualTo("revocation.reason_not_for_end_entity");
        assertThat(revoke(issued, "becauseISaidSo").json().get("code").asString()).isEqualTo("revocation.reason_unknown");
        PkiClient.Response unknown = CLIENT.postJson("/api/v1/certificates/abcdef0123/revocation", Map.of("reason", "keyCompromise"));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void theCrlAtTheCertificatesDistributionPointListsRevokedSerialsForOpenSsl() throws Exception {
        JsonNode revoked = CLIENT.issue("staff-signing", IssuanceApiTest.csrFor("staff-signing"));
        JsonNode valid = CLIENT.issue("staff-signing", IssuanceApiTest.csrFor("staff-signing"));
        revoke(revoked, "affiliationChanged");
        X509CertificateHolder certificate = Pem.decodeCertificates(revoked.get("certificatePem").asString()).getFirst();
        String url = CRLDistPoint.fromExtensions(certificate.getExtensions()).getDistributionPoints()[0].getDistributionPoint()
                .getName().toASN1Primitive().toString();
        String crlUrl = url.substring(url.indexOf("http"), url.indexOf(".crl") + 4);
        assertThat(crlUrl).isEqualTo(CLIENT.base() + "/crl/issuing.crl");

        PkiClient.Response crl = CLIENT.get(crlUrl.substring(CLIENT.base().length()), false);
        assertThat(crl.status()).isEqualTo(200);
        assertThat(crl.contentType()).isEqualTo("application/pkix-crl");
        Path der = Files.write(DATA.resolve("openssl/issuing.crl"), crl.bytes());
        Files3 files = writeForOpenSsl("crl-revoked", revoked.get("chainPem").asString());

        OpenSsl.Result text = OpenSsl.run("crl", "-inform", "DER", "-in", der.toString(), "-CAfile", files.chain().toString(), "-noout", "-text");
        assertThat(text.output()).contains("verify OK").contains("Affiliation Changed");
        // openssl prints whole bytes (a leading 0 where the hex has an odd length): compare numbers
        java.util.Set<BigInteger> listed = java.util.regex.Pattern.compile("Serial Number: ([0-9A-F]+)")
                .matcher(text.output()).results().map(m -> new BigInteger(m.group(1), 16))
                .collect(java.util.stream.Collectors.toSet());
        assertThat(listed).contains(new BigInteger(revoked.get("serialNumber").asString(), 16))
                .doesNotContain(new BigInteger(valid.get("serialNumber").asString(), 16));

        Path pem = DATA.resolve("openssl/issuing-crl.pem");
        OpenSsl.run("crl", "-inform", "DER", "-in", der.toString(), "-out", pem.toString());
        OpenSsl.Result check = OpenSsl.run("verify", "-crl_check", "-CAfile", files.root().toString(), "-untrusted",
                files.issuing().toString(), "-CRLfile", pem.toString(), files.leaf().toString());
        assertThat(check.output()).contains("certificate revoked");
        assertThat(check.exitCode()).isNotZero();
    }

    @Test
    void ocspOverGetAnswersWithTheNonceEvenWhenTheBase64HasSlashes() throws Exception {
        JsonNode issued = CLIENT.issue("agent-tls", IssuanceApiTest.csrFor("agent-tls"));
        X509CertificateHolder issuing = Pem.decodeCertificates(issued.get("chainPem").asString()).get(1);
        BigInteger serial = new BigInteger(issued.get("serialNumber").asString(), 16);
        SecureRandom random = new SecureRandom();
        byte[] nonce;
        byte[] request;
        String base64;
        do { // a nonce whose request encodes to base64 with '/' and '+', the characters that trouble URL paths
            nonce = new byte[16];
            random.nextBytes(nonce);
            request = ocspRequest(issuing, serial, nonce);
            base64 = Base64.getEncoder().encodeToString(request);
        } while (!base64.contains("/") || !base64.contains("+"));

        PkiClient.Response response = CLIENT.get("/ocsp/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII), false);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/ocsp-response");
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response.bytes()).getResponseObject();
        X509CertificateHolder responder = basic.getCerts()[0];
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))).isTrue();
        assertThat(ExtendedKeyUsage.fromExtensions(responder.getExtensions()).hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)).isTrue();
        assertThat(responder.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck)).isNotNull();
        assertThat(responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing))).isTrue();
        assertThat(basic.getResponses()[0].getCertStatus()).isNull(); // good
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(nonce).getEncoded());
    }

    @Test
    void undecodableOrForeignRequestsGetOcspErrorsNotHttpErrors() throws Exception {
        PkiClient.Response garbage = CLIENT.post("/ocsp", "application/ocsp-request", new byte[]{1, 2, 3}, false);
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(new OCSPResp(garbage.bytes()).getStatus()).isEqualTo(1); // malformedRequest

        X509CertificateHolder foreignRoot = Pem.decodeCertificates(Files.readString(HIERARCHY.rootCertificate())).getFirst();
        PkiClient.Response foreign = CLIENT.post("/ocsp", "application/ocsp-request",
                ocspRequest(foreignRoot, BigInteger.TEN, new byte[]{1}), false);
        assertThat(new OCSPResp(foreign.bytes()).getStatus()).isEqualTo(6); // unauthorized: we answer for the issuing CA only
        assertThat(CLIENT.post("/ocsp", "text/plain", new byte[]{1}, false).status()).isEqualTo(415);
    }

    private static byte[] ocspRequest(X509CertificateHolder issuer, BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), issuer, serial);
        OCSPReq request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(
                new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce).getEncoded()))))
                .build();
        return request.getEncoded();
    }

    private static PkiClient.Response revoke(JsonNode certificate, String reason) {
        return CLIENT.postJson("/api/v1/certificates/" + certificate.get("serialNumber").asString() + "/revocation", Map.of("reason", reason));
    }

    private static OpenSsl.Result ocsp(String what, String value, Files3 files) {
        return OpenSsl.run("ocsp", "-issuer", files.issuing().toString(), what, value, "-url", CLIENT.base() + "/ocsp",
                "-CAfile", files.chain().toString(), "-resp_text");
    }
}
