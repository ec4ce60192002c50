package com.ramparts.pki.acme;

import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.testing.Commands;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import com.ramparts.runtime.host.Ports;
import com.ramparts.testsupport.TestPostgres;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACME and CMP on the production database: nonces, accounts, orders, authorizations, binding keys,
 * CMP secrets and transactions through PostgreSQL's SQL (plain HTTP here: require-tls is off, which
 * is also how a TLS-terminating proxy would run it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AcmeAndCmpOnPostgresTest {

    static final int PORT = Ports.freePort();
    static final int HTTP01_PORT = Ports.freePort();
    static Path dataDir;

    @Autowired
    DataSource dataSource;
    @Autowired
    CertificateInventory inventory;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        TestPostgres.Schema schema = TestPostgres.newSchema();
        dataDir = Files.createTempDirectory("pki-pg-acme-");
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", schema::jdbcUrlWithSchema);
        registry.add("spring.datasource.username", schema::user);
        registry.add("spring.datasource.password", schema::password);
        registry.add("ramparts.pki.data-dir", () -> dataDir.toString());
        registry.add("ramparts.pki.admin-credentials-file", () -> dataDir.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.pki.acme.require-tls", () -> "false");
        registry.add("ramparts.pki.acme.http01-port", () -> HTTP01_PORT);
        registry.add("ramparts.pki.acme.validation-hosts[www.bennghe.hcm.gov.vn]", () -> "127.0.0.1");
        TestHierarchy.shared().serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void anAcmeOrderAndACmpEnrolmentRunOnPostgres() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        PkiClient admin = new PkiClient(PORT, dataDir.resolve("secrets/admin-credentials"));
        assertThat(admin.post("/api/v1/imports/units", "text/csv", ("code,name,parent_code,allowed_domains\n"
                + "BN-01,Phường Bến Nghé,,bennghe.hcm.gov.vn\n").getBytes(StandardCharsets.UTF_8), true).status()).isEqualTo(200);
        JsonNode key = admin.postJson("/api/v1/acme/eab-keys", Map.of("unit", "BN-01")).json();

        String directory = "http://127.0.0.1:" + PORT + "/acme/directory";
        AcmeTestClient client = new AcmeTestClient(HttpClient.newHttpClient(), directory, "P-256");
        assertThat(client.register(key).status()).isEqualTo(201);
        AcmeTestClient.Answer order = client.post(client.url("newOrder"),
                Map.of("identifiers", List.of(Map.of("type", "dns", "value", "www.bennghe.hcm.gov.vn"))));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        JsonNode challenge = client.post(order.json().get("authorizations").get(0).asString(), null).json().get("challenges").get(0);
        String token = challenge.get("token").asString();
        HttpServer responder = HttpServer.create(new InetSocketAddress("127.0.0.1", HTTP01_PORT), 0);
        responder.createContext("/.well-known/acme-challenge/" + token, exchange -> {
            byte[] body = (token + "." + client.thumbprint()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        responder.start();
        try {
            assertThat(client.post(challenge.get("url").asString(), Map.of()).json().get("status").asString()).isEqualTo("valid");
        } finally {
            responder.stop(0);
        }
        KeyPair serverKey = TestCsrs.key(KeyAlgorithm.EC_P256);
        byte[] csr = TestCsrs.der(serverKey, "SHA256withECDSA", new X500Name("CN=www.bennghe.hcm.gov.vn"),
                new GeneralName(GeneralName.dNSName, "www.bennghe.hcm.gov.vn"));
        AcmeTestClient.Answer finalized = client.post(order.json().get("finalize").asString(), Map.of("csr", AcmeTestClient.b64(csr)));
        assertThat(finalized.json().get("status").asString()).as(finalized.body()).isEqualTo("valid");
        X509CertificateHolder certificate = Pem.decodeCertificates(client.post(finalized.json().get("certificate").asString(), null).body())
                .getFirst();
        assertThat(client.post(client.url("revokeCert"), Map.of("certificate", AcmeTestClient.b64(certificate.getEncoded()), "reason", 1))
                .status()).isEqualTo(200);
        assertThat(inventory.find(certificate.getSerialNumber()).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);

        // CMP: openssl cmp ir with a one-time secret, certConf and pkiConf, on the same database
        OpenSsl.requireInstalled();
        JsonNode secret = admin.postJson("/api/v1/cmp/secrets", Map.of("siteId", "site-0500")).json();
        Path work = Files.createTempDirectory(dataDir, "cmp");
        Commands.ok(work, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");
        Commands.Result ir = Commands.run(work, "openssl", "cmp", "-server", "127.0.0.1:" + PORT, "-path", ".well-known/cmp", "-cmd", "ir",
                "-ref", secret.get("reference").asString(), "-secret", "pass:" + secret.get("secret").asString(), "-newkey", "key.pem",
                "-subject", "/CN=site-0500", "-sans", "urn:ramparts:site:site-0500", "-certout", "cert.pem");
        assertThat(ir.exitCode()).as(ir.output()).isZero();
        X509CertificateHolder enrolled = Pem.decodeCertificates(Files.readString(work.resolve("cert.pem"))).getFirst();
        assertThat(inventory.find(enrolled.getSerialNumber()).orElseThrow().profile()).isEqualTo("agent-tls");
    }
}
