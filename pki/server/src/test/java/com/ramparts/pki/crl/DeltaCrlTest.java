package com.ramparts.pki.crl;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.PublicationPoints;
import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import com.ramparts.runtime.host.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.ramparts.pki.testing.TestCsrs.dns;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full and delta CRLs with the full CRL left alone on revocation (what a CA with a million entries
 * runs), checked with {@code openssl crl} and {@code openssl verify -crl_check -use_deltas}; scheduled
 * regeneration and CRL numbers across a restart with a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DeltaCrlTest {

    static final int PORT = Ports.freePort();
    static final Path DATA = directory();
    static final TestHierarchy HIERARCHY = TestHierarchy.shared();
    static final PkiClient CLIENT = new PkiClient(PORT, DATA.resolve("secrets/admin-credentials"));

    @Autowired CertificateAuthorities cas;
    @Autowired CertificateInventory inventory;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired PublicationPoints points;
    @Autowired PkiProperties properties;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("ramparts.pki.public-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("ramparts.pki.data-dir", DATA::toString);
        registry.add("ramparts.pki.admin-credentials-file", () -> DATA.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.pki.crl.regenerate-on-revocation", () -> "false");
        HIERARCHY.serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void aRevocationReachesRelyingPartiesThroughTheDeltaCrlBeforeTheNextFullOne() throws Exception {
        JsonNode revoked = issue("revoked.hcm.gov.vn");
        JsonNode held = issue("held.hcm.gov.vn");
        Path dir = Files.createTempDirectory(DATA, "delta");
        Path root = HIERARCHY.rootCertificate();
        Path issuing = Files.writeString(dir.resolve("issuing.pem"), Pem.certificate(Pem.decodeCertificates(revoked.get("chainPem").asString()).get(1)));
        Path revokedPem = Files.writeString(dir.resolve("revoked.pem"), revoked.get("certificatePem").asString());
        Path heldPem = Files.writeString(dir.resolve("held.pem"), held.get("certificatePem").asString());

        // the certificates say where the delta CRL is
        assertThat(OpenSsl.run("x509", "-in", revokedPem.toString(), "-noout", "-text").output())
                .contains("X509v3 Freshest CRL").contains("URI:http://127.0.0.1:" + PORT + "/crl/issuing-delta.crl");

        X509CRL baseBefore = crl("/crl/issuing.crl", dir.resolve("base.crl"));
        revoke(revoked, "keyCompromise");
        revoke(held, "certificateHold");
        X509CRL base = crl("/crl/issuing.crl", dir.resolve("base.crl"));
        X509CRL delta = crl("/crl/issuing-delta.crl", dir.resolve("delta.crl"));
        BigInteger revokedSerial = new BigInteger(revoked.get("serialNumber").asString(), 16);
        assertThat(number(base)).isEqualTo(number(baseBefore)); // the full CRL waits for its schedule
        assertThat(base.getRevokedCertificate(revokedSerial)).isNull();
        assertThat(number(delta)).isGreaterThan(number(base));
        assertThat(delta.getRevokedCertificate(revokedSerial)).isNotNull();

        String baseText = OpenSsl.run("crl", "-inform", "DER", "-in", dir.resolve("base.crl").toString(), "-noout", "-text").output();
        assertThat(baseText).contains("X509v3 Freshest CRL").contains("issuing-delta.crl").contains("X509v3 CRL Number");
        String deltaText = OpenSsl.run("crl", "-inform", "DER", "-in", dir.resolve("delta.crl").toString(), "-noout", "-text").output();
        assertThat(deltaText).contains("X509v3 Delta CRL Indicator: critical").contains("Key Compromise").contains("Certificate Hold")
                .contains(revokedSerial.toString(16).toUpperCase());

        Path basePem = pem(dir.resolve("base.crl"));
        Path deltaPem = pem(dir.resolve("delta.crl"));
        OpenSsl.Result withDelta = OpenSsl.run("verify", "-crl_check", "-use_deltas", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
                "-CRLfile", basePem.toString(), "-CRLfile", deltaPem.toString(), revokedPem.toString());
        assertThat(withDelta.output()).contains("certificate revoked");
        assertThat(withDelta.exitCode()).isNotZero();
        OpenSsl.Result baseOnly = OpenSsl.run("verify", "-crl_check", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
                "-CRLfile", basePem.toString(), revokedPem.toString());
        assertThat(baseOnly.exitCode()).as("the full CRL alone does not know yet: " + baseOnly.output()).isZero();

        // released from hold: the next delta says removeFromCRL, and openssl accepts the certificate again
        revoke(held, "removeFromCRL");
        X509CRL afterRelease = crl("/crl/issuing-delta.crl", dir.resolve("delta2.crl"));
        assertThat(number(afterRelease)).isGreaterThan(number(delta));
        assertThat(afterRelease.getRevokedCertificate(new BigInteger(held.get("serialNumber").asString(), 16)).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.REMOVE_FROM_CRL);
        OpenSsl.Result released = OpenSsl.run("verify", "-crl_check", "-use_deltas", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
                "-CRLfile", basePem.toString(), "-CRLfile", pem(dir.resolve("delta2.crl")).toString(), heldPem.toString());
        assertThat(released.exitCode()).as(released.output()).isZero();
    }

    @Test
    void theScheduleRegeneratesBeforeNextUpdateAndNumbersKeepGrowingAcrossARestart() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        Path directory = Files.createTempDirectory(DATA, "crl-instance");
        CrlPublisher first = instance(clock, directory);
        first.refresh();
        long number = first.current("issuing").crl().crlNumber();
        long deltaNumber = first.currentDelta("issuing").crl().crlNumber();
        assertThat(deltaNumber).isGreaterThan(number);

        now.set(now.get().plus(Duration.ofHours(11))); // validity 1d, regenerate-before 12h: not due yet; the delta (1h) is
        first.refresh();
        assertThat(first.current("issuing").crl().crlNumber()).isEqualTo(number);
        long laterDelta = first.currentDelta("issuing").crl().crlNumber();
        assertThat(laterDelta).isGreaterThan(deltaNumber);

        now.set(now.get().plus(Duration.ofHours(2))); // 13h: within 12h of nextUpdate
        first.refresh();
        CrlWriter.Written regenerated = first.current("issuing").crl();
        assertThat(regenerated.crlNumber()).isGreaterThan(laterDelta);
        assertThat(regenerated.thisUpdate()).isEqualTo(now.get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        // a restart forgets every file it made; the numbers it takes next are still larger
        CrlPublisher restarted = instance(clock, directory);
        long afterRestart = restarted.current("issuing").crl().crlNumber();
        assertThat(afterRestart).isGreaterThan(regenerated.crlNumber());
        assertThat(number(read(directory.resolve("issuing.crl")))).isEqualTo(afterRestart);
        assertThat(restarted.currentDelta("issuing").crl().crlNumber()).isGreaterThan(afterRestart);
    }

    CrlPublisher instance(Clock clock, Path directory) {
        return new CrlPublisher(cas, inventory, new JdbcTemplate(dataSource), new TransactionTemplate(transactions), points, directory,
                properties.crl(), clock);
    }

    static JsonNode issue(String dnsName) {
        return CLIENT.issue("server-tls", TestCsrs.pem(KeyAlgorithm.EC_P256, "CN=" + dnsName, dns(dnsName)));
    }

    static void revoke(JsonNode certificate, String reason) {
        PkiClient.Response response = CLIENT.postJson("/api/v1/certificates/" + certificate.get("serialNumber").asString() + "/revocation",
                Map.of("reason", reason));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static X509CRL crl(String path, Path file) throws Exception {
        PkiClient.Response response = CLIENT.get(path, false);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pkix-crl");
        Files.write(file, response.bytes());
        return read(file);
    }

    static X509CRL read(Path file) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    static long number(X509CRL crl) throws Exception {
        byte[] value = crl.getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLNumber.getId());
        return org.bouncycastle.asn1.ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets())
                .getValue().longValueExact();
    }

    static Path pem(Path der) {
        Path pem = der.resolveSibling(der.getFileName() + ".pem");
        OpenSsl.Result result = OpenSsl.run("crl", "-inform", "DER", "-in", der.toString(), "-out", pem.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        return pem;
    }

    static Path directory() {
        try {
            return Files.createTempDirectory("pki-crl-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
