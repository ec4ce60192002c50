package com.ramparts.pki.cmp;

import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.testing.Commands;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.RunningPki;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.asn1.cmp.ErrorMsgContent;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIMessage;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CMP with the client an operator would use, {@code openssl cmp}: ir with a one-time secret (MAC),
 * kur and rr signed with the current certificate, certConf/pkiConf on every enrolment; and requests
 * that are malformed, truncated, oversized, replayed or wrongly protected, which change nothing.
 */
class CmpTest extends RunningPki {

    @Autowired
    CertificateInventory inventory;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void tools() {
        OpenSsl.requireInstalled();
    }

    @Test
    void openSslCmpEnrolsUpdatesTheKeyAndRevokes() throws Exception {
        Path directory = directory("lifecycle");
        JsonNode secret = secret("site-0300");
        long before = inventory.count();
        Commands.ok(directory, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");

        Commands.Result ir = cmp(directory, "-cmd", "ir", "-ref", secret.get("reference").asString(), "-secret",
                "pass:" + secret.get("secret").asString(), "-newkey", "key.pem", "-subject", "/O=Ramparts/CN=site-0300",
                "-sans", "urn:ramparts:site:site-0300", "-certout", "cert.pem", "-reqout", "ir.der,certconf.der");
        assertThat(ir.exitCode()).as(ir.output()).isZero();
        X509CertificateHolder certificate = Pem.decodeCertificates(Files.readString(directory.resolve("cert.pem"))).getFirst();
        assertThat(certificate.getSubject().toString()).isEqualTo("O=Ramparts,CN=site-0300");
        assertThat(GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName).getNames())
                .containsExactly(new GeneralName(GeneralName.uniformResourceIdentifier, "urn:ramparts:site:site-0300"));
        Files.writeString(directory.resolve("cas.pem"), CLIENT.get("/ca/issuing.pem", false).body());
        assertThat(Commands.run(directory, "openssl", "verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", "cas.pem", "cert.pem")
                .output()).isEqualTo("cert.pem: OK\n");
        CertificateRecord record = inventory.find(certificate.getSerialNumber()).orElseThrow();
        assertThat(record.profile()).isEqualTo("agent-tls");
        assertThat(record.requestedBy()).isEqualTo("cmp:" + secret.get("reference").asString());
        assertThat(transactionStatus(certificate)).as("openssl sent certConf and got pkiConf").isEqualTo("confirmed");
        assertThat(inventory.count()).isEqualTo(before + 1);

        // the same secret again (openssl's own request replayed, and a fresh one): refused, nothing issued
        CmpAnswer replayed = post(Files.readAllBytes(directory.resolve("ir.der")));
        assertThat(replayed.failInfo()).isEqualTo(PKIFailureInfo.notAuthorized);
        Commands.Result again = cmp(directory, "-cmd", "ir", "-ref", secret.get("reference").asString(), "-secret",
                "pass:" + secret.get("secret").asString(), "-newkey", "key.pem", "-subject", "/O=Ramparts/CN=site-0300",
                "-sans", "urn:ramparts:site:site-0300", "-certout", "again.pem", "-unprotected_errors");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("already used or expired");
        assertThat(inventory.count()).isEqualTo(before + 1);

        // kur: a new key, signed with the current certificate; the answer is signed by the CMP signer
        Commands.ok(directory, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key2.pem");
        Commands.Result kur = cmp(directory, "-cmd", "kur", "-cert", "cert.pem", "-key", "key.pem", "-newkey", "key2.pem",
                "-certout", "cert2.pem", "-trusted", HIERARCHY.rootCertificate().toString(), "-untrusted", "cas.pem");
        assertThat(kur.exitCode()).as(kur.output()).isZero();
        X509CertificateHolder updated = Pem.decodeCertificates(Files.readString(directory.resolve("cert2.pem"))).getFirst();
        assertThat(updated.getSubject()).isEqualTo(certificate.getSubject());
        assertThat(updated.getSubjectPublicKeyInfo()).isNotEqualTo(certificate.getSubjectPublicKeyInfo());
        assertThat(updated.getExtension(Extension.subjectAlternativeName).getParsedValue())
                .isEqualTo(certificate.getExtension(Extension.subjectAlternativeName).getParsedValue());
        assertThat(Commands.ok(directory, "openssl", "pkey", "-in", "key2.pem", "-pubout"))
                .isEqualTo(Commands.ok(directory, "openssl", "x509", "-in", "cert2.pem", "-noout", "-pubkey"));
        assertThat(transactionStatus(updated)).isEqualTo("confirmed");
        assertThat(inventory.count()).isEqualTo(before + 2);

        // rr: the new certificate revokes itself, reason keyCompromise
        Commands.Result rr = cmp(directory, "-cmd", "rr", "-cert", "cert2.pem", "-key", "key2.pem", "-oldcert", "cert2.pem",
                "-revreason", "1", "-trusted", HIERARCHY.rootCertificate().toString(), "-untrusted", "cas.pem");
        assertThat(rr.exitCode()).as(rr.output()).isZero();
        CertificateRecord revoked = inventory.find(updated.getSerialNumber()).orElseThrow();
        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo(1);
        // a revoked certificate can sign nothing more
        Commands.Result afterRevocation = cmp(directory, "-cmd", "kur", "-cert", "cert2.pem", "-key", "key2.pem", "-newkey", "key.pem",
                "-certout", "cert3.pem", "-trusted", HIERARCHY.rootCertificate().toString(), "-untrusted", "cas.pem", "-unprotected_errors");
        assertThat(afterRevocation.exitCode()).isNotZero();
        assertThat(afterRevocation.output()).contains("REVOKED");
        assertThat(inventory.count()).isEqualTo(before + 2);
    }

    @Test
    void openSslCmpEnrolsWithAPkcs10Request() throws Exception {
        Path directory = directory("p10cr");
        JsonNode secret = secret("site-0304");
        Commands.ok(directory, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "key.pem", "-subj", "/O=Ramparts/CN=site-0304", "-addext", "subjectAltName=URI:urn:ramparts:site:site-0304",
                "-out", "csr.pem");
        Commands.Result p10cr = cmp(directory, "-cmd", "p10cr", "-ref", secret.get("reference").asString(), "-secret",
                "pass:" + secret.get("secret").asString(), "-csr", "csr.pem", "-certout", "cert.pem");
        assertThat(p10cr.exitCode()).as(p10cr.output()).isZero();
        X509CertificateHolder certificate = Pem.decodeCertificates(Files.readString(directory.resolve("cert.pem"))).getFirst();
        assertThat(certificate.getSubject().toString()).isEqualTo("O=Ramparts,CN=site-0304");
        assertThat(transactionStatus(certificate)).isEqualTo("confirmed");
    }

    @Test
    void wrongProtectionAndAnotherSiteAreRefusedAndSpendNothing() {
        Path directory = directory("protection");
        JsonNode secret = secret("site-0301");
        long before = inventory.count();
        Commands.ok(directory, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");

        Commands.Result wrongSecret = cmp(directory, "-cmd", "ir", "-ref", secret.get("reference").asString(), "-secret",
                "pass:not-the-secret", "-newkey", "key.pem", "-subject", "/CN=site-0301", "-sans", "urn:ramparts:site:site-0301",
                "-certout", "cert.pem", "-unprotected_errors");
        assertThat(wrongSecret.exitCode()).isNotZero();
        assertThat(wrongSecret.output()).contains("MAC does not verify");
        Commands.Result otherSite = cmp(directory, "-cmd", "ir", "-ref", secret.get("reference").asString(), "-secret",
                "pass:" + secret.get("secret").asString(), "-newkey", "key.pem", "-subject", "/CN=site-0999",
                "-sans", "urn:ramparts:site:site-0999", "-certout", "cert.pem", "-unprotected_errors");
        assertThat(otherSite.exitCode()).isNotZero();
        assertThat(otherSite.output()).contains("is for site site-0301");
        // a key update needs a signature, not the secret
        Commands.Result macKur = cmp(directory, "-cmd", "kur", "-ref", secret.get("reference").asString(), "-secret",
                "pass:" + secret.get("secret").asString(), "-newkey", "key.pem", "-subject", "/CN=site-0301", "-oldcert",
                HIERARCHY.rootCertificate().toString(), "-certout", "cert.pem", "-unprotected_errors");
        assertThat(macKur.exitCode()).isNotZero();
        assertThat(inventory.count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT used_at FROM cmp_secret WHERE reference = ?", Object.class,
                secret.get("reference").asString())).isNull();

        // then the right secret and site still work
        Commands.Result ok = cmp(directory, "-cmd", "ir", "-ref", secret.get("reference").asString(), "-secret",
                "pass:" + secret.get("secret").asString(), "-newkey", "key.pem", "-subject", "/CN=site-0301",
                "-sans", "urn:ramparts:site:site-0301", "-certout", "cert.pem");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(inventory.count()).isEqualTo(before + 1);
    }

    @Test
    void aCertificateFromElsewhereCannotSignAKeyUpdate() {
        Path directory = directory("stranger");
        long before = inventory.count();
        // another CA with the same names as ours, and a certificate from it for the same site
        Commands.ok(directory, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca-key.pem", "-subj", "/C=VN/O=Ramparts Test City/CN=Ramparts Test Issuing CA 1", "-days", "2", "-out", "ca.pem");
        Commands.ok(directory, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "key.pem", "-subj", "/O=Ramparts/CN=site-0302", "-out", "leaf.csr");
        Commands.ok(directory, "sh", "-c", "printf 'basicConstraints=CA:FALSE\\nkeyUsage=digitalSignature\\n' > leaf.ext");
        Commands.ok(directory, "openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-days", "1",
                "-extfile", "leaf.ext", "-out", "leaf.pem");
        Commands.Result kur = cmp(directory, "-cmd", "kur", "-cert", "leaf.pem", "-key", "key.pem", "-newkey", "key.pem",
                "-certout", "cert.pem", "-trusted", HIERARCHY.rootCertificate().toString(), "-extracerts", "ca.pem", "-unprotected_errors");
        assertThat(kur.exitCode()).isNotZero();
        assertThat(kur.output()).contains("signerNotTrusted").contains("not issued by this service");

        // a version 1 certificate (no extensions) in extraCerts: a readable refusal, not a server error
        Commands.ok(directory, "openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-days", "1",
                "-extfile", "/dev/null", "-out", "v1.pem");
        Commands.Result v1 = cmp(directory, "-cmd", "kur", "-cert", "v1.pem", "-key", "key.pem", "-newkey", "key.pem",
                "-certout", "cert.pem", "-trusted", HIERARCHY.rootCertificate().toString(), "-extracerts", "ca.pem", "-unprotected_errors");
        assertThat(v1.exitCode()).isNotZero();
        assertThat(v1.output()).contains("badDataFormat").doesNotContain("code=500");
        assertThat(inventory.count()).isEqualTo(before);
    }

    @Test
    void malformedTruncatedOversizedAndMistypedBodiesGetCmpErrors() throws Exception {
        Path directory = directory("malformed");
        JsonNode secret = secret("site-0303");
        Commands.ok(directory, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");
        // a real request, written by openssl to a file and sent nowhere (port 1 refuses the connection)
        Commands.run(directory, "openssl", "cmp", "-server", "127.0.0.1:1", "-path", ".well-known/cmp", "-cmd", "ir",
                "-ref", secret.get("reference").asString(), "-secret", "pass:" + secret.get("secret").asString(),
                "-newkey", "key.pem", "-subject", "/CN=site-0303", "-sans", "urn:ramparts:site:site-0303", "-certout", "cert.pem",
                "-reqout", "ir.der");
        byte[] request = Files.readAllBytes(directory.resolve("ir.der"));
        long before = inventory.count();

        assertThat(post(Arrays.copyOf(request, request.length - 7))).satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.failInfo()).isEqualTo(PKIFailureInfo.badDataFormat);
        });
        byte[] trailing = Arrays.copyOf(request, request.length + 2);
        assertThat(post(trailing).status()).isEqualTo(400);
        assertThat(post("garbage that is not DER".getBytes()).failInfo()).isEqualTo(PKIFailureInfo.badDataFormat);
        assertThat(post(new byte[0]).status()).isEqualTo(400);
        byte[] huge = new byte[100_000];
        huge[0] = 0x30;
        assertThat(post(huge)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(413);
            assertThat(a.failInfo()).isEqualTo(PKIFailureInfo.badDataFormat);
        });
        CmpAnswer wrongType = new CmpAnswer(CLIENT.post("/.well-known/cmp", "application/octet-stream", request, false));
        assertThat(wrongType.status()).isEqualTo(415);
        // a flipped bit inside the protected part: the MAC no longer verifies
        byte[] tampered = request.clone();
        tampered[tampered.length / 2] ^= 0x01;
        CmpAnswer tamperedAnswer = post(tampered);
        assertThat(tamperedAnswer.failInfo()).isIn(PKIFailureInfo.badMessageCheck, PKIFailureInfo.badDataFormat, PKIFailureInfo.badPOP);
        assertThat(inventory.count()).isEqualTo(before);

        // the untouched request still enrols: none of that spent the secret
        CmpAnswer granted = post(request);
        assertThat(granted.body().getType()).isEqualTo(PKIBody.TYPE_INIT_REP);
        assertThat(inventory.count()).isEqualTo(before + 1);
    }

    @Test
    void onlyTheAdministratorMakesSecretsAndTheyAreChecked() {
        assertThat(CLIENT.post("/api/v1/cmp/secrets", "application/json", "{\"siteId\":\"site-1\"}".getBytes(), false).status()).isEqualTo(401);
        assertThat(CLIENT.postJson("/api/v1/cmp/secrets", Map.of("siteId", "Site 1!")).status()).isEqualTo(400);
        assertThat(CLIENT.postJson("/api/v1/cmp/secrets", Map.of("siteId", "site-1", "validity", "P365D")).status()).isEqualTo(400);
        JsonNode created = secret("site-1");
        assertThat(jdbc.queryForObject("SELECT details FROM audit_entry WHERE action = 'cmp.secret.created' AND target = ?", String.class,
                created.get("reference").asString())).contains("\"siteId\":\"site-1\"").doesNotContain(created.get("secret").asString());
    }

    private record CmpAnswer(int status, PKIBody body) {
        CmpAnswer(com.ramparts.pki.testing.PkiClient.Response response) {
            this(response.status(), PKIMessage.getInstance(response.bytes()).getBody());
        }

        int failInfo() {
            assertThat(body.getType()).as("an error message").isEqualTo(PKIBody.TYPE_ERROR);
            PKIStatusInfo status = ErrorMsgContent.getInstance(body.getContent()).getPKIStatusInfo();
            return status.getFailInfo().intValue();
        }
    }

    private static CmpAnswer post(byte[] der) {
        return new CmpAnswer(CLIENT.post("/.well-known/cmp", "application/pkixcmp", der, false));
    }

    private String transactionStatus(X509CertificateHolder certificate) {
        return jdbc.queryForObject("SELECT status FROM cmp_transaction WHERE certificate_serial = ?", String.class,
                certificate.getSerialNumber().toString(16));
    }

    private static JsonNode secret(String siteId) {
        com.ramparts.pki.testing.PkiClient.Response created = CLIENT.postJson("/api/v1/cmp/secrets", Map.of("siteId", siteId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static Commands.Result cmp(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl", "cmp", "-server", "127.0.0.1:" + PORT, "-path", ".well-known/cmp"));
        command.addAll(List.of(arguments));
        return Commands.run(directory, command.toArray(String[]::new));
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(DATA.resolve("cmp").resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
