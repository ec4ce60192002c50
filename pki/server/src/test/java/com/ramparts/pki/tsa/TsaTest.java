package com.ramparts.pki.tsa;

import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.testing.Commands;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.RunningPki;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The TSA as its users meet it: openssl ts makes the query and verifies the reply, curl carries them. */
class TsaTest extends RunningPki {

    private static final String POLICY = "2.25.256754908223346645202017183935352256545.2.1";

    @Autowired
    CertificateInventory inventory;

    @BeforeAll
    static void tools() {
        Commands.require("curl", "curl");
        OpenSsl.requireInstalled();
    }

    @Test
    void openSslTsVerifiesATimeStampOfOurTsa() throws Exception {
        Path directory = directory("verify");
        Files.writeString(directory.resolve("document.txt"), "Quyết định số 123/QĐ-UBND\n");
        Commands.ok(directory, "openssl", "ts", "-query", "-data", "document.txt", "-sha256", "-cert", "-out", "request.tsq");
        String query = Commands.ok(directory, "openssl", "ts", "-query", "-in", "request.tsq", "-text");

        assertThat(post(directory, "request.tsq", "response.tsr")).contains("200").contains("content-type: application/timestamp-reply");
        String reply = Commands.ok(directory, "openssl", "ts", "-reply", "-in", "response.tsr", "-text");
        assertThat(reply).contains("Status: Granted.").contains("Policy OID: " + POLICY).contains("Hash Algorithm: sha256")
                .contains("Accuracy: 0x01 seconds").contains("TSA: DirName:");
        assertThat(nonce(reply)).isEqualTo(nonce(query));

        // the TSA certificate travels in the token (certReq); chain.pem is the issuing CA and the root
        Commands.ok(directory, "openssl", "ts", "-reply", "-in", "response.tsr", "-token_out", "-out", "token.der");
        Commands.ok(directory, "openssl", "pkcs7", "-inform", "DER", "-in", "token.der", "-print_certs", "-out", "tsa.pem");
        Files.writeString(directory.resolve("chain.pem"), CLIENT.get("/ca/issuing.pem", false).body());
        Commands.Result verified = Commands.run(directory, "openssl", "ts", "-verify", "-data", "document.txt", "-in", "response.tsr",
                "-CAfile", "chain.pem", "-untrusted", "tsa.pem");
        assertThat(verified.output()).contains("Verification: OK");
        assertThat(verified.exitCode()).isZero();

        Files.writeString(directory.resolve("forged.txt"), "Quyết định số 124/QĐ-UBND\n");
        assertThat(Commands.run(directory, "openssl", "ts", "-verify", "-data", "forged.txt", "-in", "response.tsr",
                "-CAfile", "chain.pem", "-untrusted", "tsa.pem").output()).contains("Verification: FAILED");

        X509CertificateHolder tsa = Pem.decodeCertificates(Files.readString(directory.resolve("tsa.pem"))).getFirst();
        Extension eku = tsa.getExtension(Extension.extendedKeyUsage);
        assertThat(eku.isCritical()).isTrue();
        assertThat(ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages()).containsExactly(KeyPurposeId.id_kp_timeStamping);
        assertThat(KeyUsage.fromExtensions(tsa.getExtensions()).hasUsages(KeyUsage.digitalSignature)).isTrue();
        assertThat(inventory.find(tsa.getSerialNumber()).orElseThrow().profile()).isEqualTo("tsa");
    }

    @Test
    void everyTokenHasItsOwnSerialAndCarriesNoCertificateUnlessAsked() throws Exception {
        Path directory = directory("serials");
        Files.writeString(directory.resolve("data.bin"), "payload");
        Commands.ok(directory, "openssl", "ts", "-query", "-data", "data.bin", "-sha512", "-no_nonce", "-out", "request.tsq");
        post(directory, "request.tsq", "first.tsr");
        post(directory, "request.tsq", "second.tsr");
        TimeStampResponse first = new TimeStampResponse(Files.readAllBytes(directory.resolve("first.tsr")));
        TimeStampResponse second = new TimeStampResponse(Files.readAllBytes(directory.resolve("second.tsr")));
        assertThat(first.getStatus()).isEqualTo(PKIStatus.GRANTED);
        assertThat(first.getTimeStampToken().getTimeStampInfo().getSerialNumber())
                .isNotEqualTo(second.getTimeStampToken().getTimeStampInfo().getSerialNumber());
        assertThat(first.getTimeStampToken().getTimeStampInfo().getNonce()).isNull();
        assertThat(first.getTimeStampToken().getCertificates().getMatches(null)).isEmpty();
    }

    @Test
    void badQueriesGetARejectionWithTheRightFailInfo() throws Exception {
        Path directory = directory("bad");
        Files.writeString(directory.resolve("data.bin"), "payload");
        Commands.ok(directory, "openssl", "ts", "-query", "-data", "data.bin", "-sha1", "-out", "sha1.tsq");
        Commands.ok(directory, "openssl", "ts", "-query", "-data", "data.bin", "-sha256", "-tspolicy", "1.2.3.4", "-out", "policy.tsq");
        Commands.ok(directory, "openssl", "ts", "-query", "-data", "data.bin", "-sha256", "-out", "good.tsq");
        byte[] good = Files.readAllBytes(directory.resolve("good.tsq"));
        Files.write(directory.resolve("truncated.tsq"), Arrays.copyOf(good, good.length - 5));
        byte[] trailing = Arrays.copyOf(good, good.length + 2);
        Files.write(directory.resolve("trailing.tsq"), trailing);
        Files.writeString(directory.resolve("garbage.tsq"), "not a query");
        Files.write(directory.resolve("huge.tsq"), new byte[200_000]);
        long before = inventory.count();

        assertRejected(directory, "sha1.tsq", PKIFailureInfo.badAlg, "unrecognized or unsupported algorithm identifier");
        assertRejected(directory, "policy.tsq", PKIFailureInfo.unacceptedPolicy, "the requested TSA policy is not supported by the TSA");
        for (String malformed : new String[]{"truncated.tsq", "trailing.tsq", "garbage.tsq", "huge.tsq"}) {
            assertRejected(directory, malformed, PKIFailureInfo.badDataFormat, "the data submitted has the wrong format");
        }
        assertThat(Commands.run(directory, "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: text/plain",
                "--data-binary", "@good.tsq", CLIENT.base() + "/tsa").output()).isEqualTo("415");
        assertThat(inventory.count()).isEqualTo(before);
    }

    private static void assertRejected(Path directory, String query, int failInfo, String openSslText) throws Exception {
        String response = query + ".tsr";
        assertThat(post(directory, query, response)).contains("200");
        TimeStampResponse parsed = new TimeStampResponse(Files.readAllBytes(directory.resolve(response)));
        assertThat(parsed.getStatus()).as(query).isEqualTo(PKIStatus.REJECTION);
        assertThat(parsed.getFailInfo().intValue()).as(query).isEqualTo(failInfo);
        assertThat(parsed.getTimeStampToken()).isNull();
        assertThat(Commands.ok(directory, "openssl", "ts", "-reply", "-in", response, "-text"))
                .contains("Status: Rejected").contains(openSslText);
    }

    private static String post(Path directory, String query, String response) {
        return Commands.ok(directory, "curl", "-sS", "-D", "-", "-o", response, "-H", "Content-Type: application/timestamp-query",
                "--data-binary", "@" + query, CLIENT.base() + "/tsa").toLowerCase(java.util.Locale.ROOT);
    }

    private static String nonce(String text) {
        Matcher matcher = Pattern.compile("Nonce: (0x[0-9A-Fa-f]+)").matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static Path directory(String name) throws java.io.IOException {
        return Files.createDirectories(DATA.resolve("tsa").resolve(name));
    }
}
