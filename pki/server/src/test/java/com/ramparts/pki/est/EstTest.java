package com.ramparts.pki.est;

import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.testing.Commands;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.pki.testing.TestTls;
import com.ramparts.pki.x509.Pem;
import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.secrets.AdminCredentials;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EST over HTTPS with the clients an operator would use: openssl makes the keys and requests,
 * curl talks to the service, openssl reads and verifies what comes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class EstTest {

    private static final TestHierarchy HIERARCHY = TestHierarchy.shared();
    private static final int PORT = Ports.freePort();
    private static final Path DATA = temporaryDirectory();
    private static final TestTls TLS = TestTls.issue(HIERARCHY, DATA.resolve("tls"));
    private static final String EST = "https://127.0.0.1:" + PORT + "/.well-known/est/";

    @Autowired
    CertificateInventory inventory;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("ramparts.pki.public-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("ramparts.pki.data-dir", DATA::toString);
        registry.add("ramparts.pki.admin-credentials-file", () -> DATA.resolve("secrets/admin-credentials").toString());
        HIERARCHY.serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
        TLS.serverProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeAll
    static void tools() {
        Commands.require("curl", "curl");
        Commands.require("base64", "coreutils");
        OpenSsl.requireInstalled();
    }

    @Test
    void cacertsGivesTheIssuingCaAndRootAsCertsOnly() throws IOException {
        Path directory = directory("cacerts");
        Commands.Result fetched = curl(directory, "cacerts.b64", EST + "cacerts");
        assertThat(fetched.output()).contains("200").contains("content-type: application/pkcs7-mime; smime-type=certs-only");
        String certificates = printCerts(directory, "cacerts.b64");
        assertThat(certificates).contains("subject=C = VN, O = Ramparts Test City, CN = Ramparts Test Issuing CA 1")
                .contains("subject=C = VN, O = Ramparts Test City, CN = Ramparts Test Root CA");
    }

    @Test
    void anAgentEnrolsWithItsTokenThenReenrolsWithItsCertificate() throws IOException {
        Path directory = directory("enrol");
        String token = createToken("site-0042", "agent-1");
        long before = inventory.count();
        openSslCsr(directory, "key.pem", "csr.der", "/O=Ramparts/CN=site-0042", "urn:ramparts:site:site-0042");

        Commands.Result enrolled = curl(directory, "cert.b64", EST + "simpleenroll", "-u", "agent-1:" + token,
                "-H", "Content-Type: application/pkcs10", "--data-binary", "@csr.der");
        assertThat(enrolled.output()).contains("200").contains("content-type: application/pkcs7-mime; smime-type=certs-only")
                .contains("content-transfer-encoding: base64");
        printCerts(directory, "cert.b64");
        Commands.Result verify = Commands.run(directory, "openssl", "verify", "-x509_strict", "-purpose", "sslclient",
                "-CAfile", TLS.rootPem().toString(), "-untrusted", TLS.issuingPem().toString(), "cert.b64.pem");
        assertThat(verify.output()).endsWith("cert.b64.pem: OK\n");
        X509CertificateHolder certificate = Pem.decodeCertificates(Files.readString(directory.resolve("cert.b64.pem"))).getFirst();
        assertThat(certificate.getSubject().toString()).isEqualTo("O=Ramparts,CN=site-0042");
        assertThat(GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName).getNames())
                .containsExactly(new GeneralName(GeneralName.uniformResourceIdentifier, "urn:ramparts:site:site-0042"));
        assertThat(inventory.count()).isEqualTo(before + 1);
        assertThat(inventory.find(certificate.getSerialNumber()).orElseThrow().requestedBy()).isEqualTo("est:agent-1");

        // the same token again: refused, nothing issued
        Commands.Result replayed = curl(directory, "replayed.txt", EST + "simpleenroll", "-u", "agent-1:" + token,
                "-H", "Content-Type: application/pkcs10", "--data-binary", "@csr.der");
        assertThat(replayed.output()).contains("401");
        assertThat(inventory.count()).isEqualTo(before + 1);

        // re-enrolment: a new key, the same subject, authorised by the current certificate over mTLS; base64 body as RFC 7030 says
        openSslCsr(directory, "key2.pem", "csr2.der", "/O=Ramparts/CN=site-0042", "urn:ramparts:site:site-0042");
        Files.write(directory.resolve("csr2.b64"), Base64.getMimeEncoder().encode(Files.readAllBytes(directory.resolve("csr2.der"))));
        Commands.Result reenrolled = curl(directory, "cert2.b64", EST + "simplereenroll", "--cert", "cert.b64.pem", "--key", "key.pem",
                "-H", "Content-Type: application/pkcs10", "--data-binary", "@csr2.b64");
        assertThat(reenrolled.output()).contains("200");
        printCerts(directory, "cert2.b64");
        X509CertificateHolder renewed = Pem.decodeCertificates(Files.readString(directory.resolve("cert2.b64.pem"))).getFirst();
        assertThat(renewed.getSubject()).isEqualTo(certificate.getSubject());
        assertThat(renewed.getSerialNumber()).isNotEqualTo(certificate.getSerialNumber());
        assertThat(renewed.getSubjectPublicKeyInfo()).isNotEqualTo(certificate.getSubjectPublicKeyInfo());
        assertThat(inventory.count()).isEqualTo(before + 2);

        // re-enrolment without a client certificate, or for another site: refused
        assertThat(curl(directory, "no-cert.txt", EST + "simplereenroll", "-H", "Content-Type: application/pkcs10",
                "--data-binary", "@csr2.b64").output()).contains("401");
        openSslCsr(directory, "key3.pem", "csr3.der", "/O=Ramparts/CN=site-0099", "urn:ramparts:site:site-0099");
        assertThat(curl(directory, "other.txt", EST + "simplereenroll", "--cert", "cert.b64.pem", "--key", "key.pem",
                "-H", "Content-Type: application/pkcs10", "--data-binary", "@csr3.der").output()).contains("403");
        assertThat(inventory.count()).isEqualTo(before + 2);
    }

    @Test
    void aBearerTokenWorksToo() throws IOException {
        Path directory = directory("bearer");
        String token = createToken("site-0007", "agent-7");
        openSslCsr(directory, "key.pem", "csr.der", "/CN=site-0007", "urn:ramparts:site:site-0007");
        assertThat(curl(directory, "cert.b64", EST + "simpleenroll", "-H", "Authorization: Bearer " + token,
                "-H", "Content-Type: application/pkcs10", "--data-binary", "@csr.der").output()).contains("200");
        assertThat(printCerts(directory, "cert.b64")).contains("subject=CN = site-0007");
    }

    @Test
    void badRequestsAreRefusedAndNeitherIssueNorSpendTheToken() throws IOException {
        Path directory = directory("bad");
        String token = createToken("site-0100", "agent-100");
        openSslCsr(directory, "key.pem", "csr.der", "/O=Ramparts/CN=site-0100", "urn:ramparts:site:site-0100");
        byte[] good = Files.readAllBytes(directory.resolve("csr.der"));
        Files.write(directory.resolve("truncated.der"), java.util.Arrays.copyOf(good, good.length / 2));
        Files.writeString(directory.resolve("garbage.txt"), "this is not a certification request");
        byte[] oversized = new byte[20_000]; // over csr-max-size (16 KB), under request-max-size (64 KB)
        oversized[0] = 0x30;
        Files.write(directory.resolve("oversized.der"), oversized);
        Files.write(directory.resolve("huge.der"), new byte[200_000]);
        openSslCsr(directory, "other.pem", "other.der", "/O=Ramparts/CN=site-0200", "urn:ramparts:site:site-0200");
        long before = inventory.count();

        assertThat(enrol(directory, token, "text/plain", "csr.der")).isEqualTo("415");
        assertThat(enrol(directory, token, "application/pkcs10", "truncated.der")).isEqualTo("400");
        assertThat(enrol(directory, token, "application/pkcs10", "garbage.txt")).isEqualTo("400");
        // a body within request-max-size but a CSR over csr-max-size: 413 like the REST API, with the error code
        assertThat(enrol(directory, token, "application/pkcs10", "oversized.der")).isEqualTo("413");
        assertThat(curl(directory, "oversized.txt", EST + "simpleenroll", "-u", "agent:" + token,
                "-H", "Content-Type: application/pkcs10", "--data-binary", "@oversized.der").output()).contains("413");
        assertThat(Files.readString(directory.resolve("oversized.txt"))).startsWith("csr.too_large: ");
        assertThat(enrol(directory, token, "application/pkcs10", "huge.der")).isEqualTo("413");
        assertThat(enrol(directory, token, "application/pkcs10", "other.der")).isEqualTo("403"); // another site than the token's
        assertThat(enrol(directory, "not-a-token", "application/pkcs10", "csr.der")).isEqualTo("401");
        assertThat(curl(directory, "none.txt", EST + "simpleenroll", "-H", "Content-Type: application/pkcs10",
                "--data-binary", "@csr.der").output()).contains("401").contains("www-authenticate: basic");
        assertThat(inventory.count()).isEqualTo(before);

        String expired = createToken("site-0100", "agent-101");
        jdbc.update("UPDATE enrolment_token SET expires_at = created_at WHERE token_hash = ?", EnrolmentTokens.hash(expired));
        assertThat(enrol(directory, expired, "application/pkcs10", "csr.der")).isEqualTo("401");
        assertThat(inventory.count()).isEqualTo(before);

        // none of that spent the first token
        assertThat(enrol(directory, token, "application/pkcs10", "csr.der")).isEqualTo("200");
        assertThat(inventory.count()).isEqualTo(before + 1);
    }

    @Test
    void onlyTheAdministratorMakesTokensAndTheyAreChecked() throws IOException {
        Path directory = directory("tokens");
        assertThat(curl(directory, "anonymous.json", "https://127.0.0.1:" + PORT + "/api/v1/enrolment-tokens",
                "-H", "Content-Type: application/json", "--data", "{\"siteId\":\"site-1\",\"agentId\":\"a\"}").output()).contains("401");
        Commands.Result bad = adminPost(directory, "bad.json", "{\"siteId\":\"Site 1!\",\"agentId\":\"a\"}");
        assertThat(bad.output()).contains("400");
        assertThat(PkiClient.JSON.readTree(Files.readString(directory.resolve("bad.json"))).get("code").asString())
                .isEqualTo("enrolment_token.field_invalid");
        assertThat(adminPost(directory, "long.json", "{\"siteId\":\"site-1\",\"agentId\":\"a\",\"validity\":\"P365D\"}").output())
                .contains("400");
        String token = createToken("site-1", "a");
        List<String> hashes = jdbc.queryForList("SELECT token_hash FROM enrolment_token", String.class);
        assertThat(hashes).contains(EnrolmentTokens.hash(token)).doesNotContain(token);
    }

    private String createToken(String siteId, String agentId) throws IOException {
        Path directory = directory("token-" + siteId + "-" + agentId);
        Commands.Result created = adminPost(directory, "token.json", PkiClient.JSON.writeValueAsString(Map.of("siteId", siteId, "agentId", agentId)));
        assertThat(created.output()).contains("201");
        JsonNode body = PkiClient.JSON.readTree(Files.readString(directory.resolve("token.json")));
        assertThat(body.get("siteId").asString()).isEqualTo(siteId);
        return body.get("token").asString();
    }

    private static Commands.Result adminPost(Path directory, String out, String json) {
        AdminCredentials admin = AdminCredentials.read(DATA.resolve("secrets/admin-credentials"));
        return curl(directory, out, "https://127.0.0.1:" + PORT + "/api/v1/enrolment-tokens", "-u", admin.username() + ":" + admin.password(),
                "-H", "Content-Type: application/json", "--data", json);
    }

    private static String enrol(Path directory, String token, String contentType, String file) {
        Commands.Result result = Commands.run(directory, "curl", "-sS", "--cacert", TLS.rootPem().toString(), "-o", "/dev/null",
                "-w", "%{http_code}", "-u", "agent:" + token, "-H", "Content-Type: " + contentType, "--data-binary", "@" + file,
                EST + "simpleenroll");
        return result.output().strip();
    }

    /** curl over TLS that trusts only the test root; the output holds the status line and the headers. */
    private static Commands.Result curl(Path directory, String out, String url, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "--cacert", TLS.rootPem().toString(),
                "-D", "-", "-o", out));
        command.addAll(List.of(options));
        command.add(url);
        Commands.Result result = Commands.run(directory, command.toArray(String[]::new));
        return new Commands.Result(result.exitCode(), result.output().toLowerCase(java.util.Locale.ROOT));
    }

    /** base64 -d | openssl pkcs7 -print_certs, into {@code <file>.pem}; returns the printed subjects. */
    private static String printCerts(Path directory, String base64File) {
        Commands.ok(directory, "sh", "-c", "base64 -d " + base64File + " > " + base64File + ".p7");
        return Commands.ok(directory, "openssl", "pkcs7", "-inform", "DER", "-in", base64File + ".p7", "-print_certs",
                "-out", base64File + ".pem") + readQuietly(directory.resolve(base64File + ".pem"));
    }

    private static void openSslCsr(Path directory, String key, String csr, String subject, String uri) {
        Commands.ok(directory, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key, "-subj", subject, "-addext", "subjectAltName=URI:" + uri, "-outform", "DER", "-out", csr);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    private static Path directory(String name) throws IOException {
        return Files.createDirectories(DATA.resolve("est").resolve(name));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("pki-est-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
