package com.ramparts.pki;

import com.ramparts.runtime.secrets.AdminCredentials;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.pki.x509.Pem;
import com.ramparts.testsupport.TestPostgres;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production database: the same service, issuing, revoking and answering OCSP, on the machine's PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PkiOnPostgresTest {

    static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    CertificateInventory inventory;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        TestPostgres.Schema schema = TestPostgres.newSchema();
        dataDir = Files.createTempDirectory("pki-pg-test-");
        registry.add("spring.datasource.url", schema::jdbcUrlWithSchema);
        registry.add("spring.datasource.username", schema::user);
        registry.add("spring.datasource.password", schema::password);
        registry.add("ramparts.pki.data-dir", () -> dataDir.toString());
        registry.add("ramparts.pki.admin-credentials-file", () -> dataDir.resolve("secrets/admin-credentials").toString());
        TestHierarchy.shared().serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void issuanceRevocationCrlAndOcspWorkOnPostgres() throws Exception {
        PkiClient client = new PkiClient(port, dataDir.resolve("secrets/admin-credentials"));
        JsonNode issued = client.issue("server-tls", IssuanceApiTest.csrFor("server-tls"));
        BigInteger serial = new BigInteger(issued.get("serialNumber").asString(), 16);
        CertificateRecord stored = inventory.find(serial).orElseThrow();
        assertThat(stored.profile()).isEqualTo("server-tls");
        assertThat(new X509CertificateHolder(stored.der()).getSerialNumber()).isEqualTo(serial);

        // the serial number is unique because PostgreSQL says so, not because we hope so
        assertThatThrownBy(() -> inventory.add(stored)).isInstanceOf(DuplicateKeyException.class);

        assertThat(client.postJson("/api/v1/certificates/" + serial.toString(16) + "/revocation", Map.of("reason", "keyCompromise"))
                .status()).isEqualTo(200);
        PkiClient.Response crl = client.get("/crl/issuing.crl", false);
        X509CRL parsed = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl.bytes()));
        assertThat(parsed.getRevokedCertificate(serial).getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);

        X509CertificateHolder issuing = Pem.decodeCertificates(issued.get("chainPem").asString()).get(1);
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), issuing, serial);
        PkiClient.Response ocsp = client.post("/ocsp", "application/ocsp-request", new OCSPReqBuilder().addRequest(id).build().getEncoded(), false);
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(ocsp.bytes()).getResponseObject();
        assertThat(basic.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void serviceRunsOnPostgresAndReportsItsDatabaseHealthToTheAdministrator() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        AdminCredentials admin = AdminCredentials.read(dataDir.resolve("secrets/admin-credentials"));
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"db\"").contains("PostgreSQL").contains("\"status\":\"UP\"");
        }
    }
}
