package com.ramparts.pki.acme;

import com.ramparts.pki.testing.PkiClient;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.pki.testing.TestTls;
import com.ramparts.runtime.host.Ports;
import com.ramparts.runtime.secrets.AdminCredentials;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;

/**
 * The service over HTTPS (a server-tls certificate from the test CA) with ACME validating http-01 on
 * {@link #HTTP01_PORT}, where the names of unit BN-01 resolve to 127.0.0.1. Test classes extending
 * this share one running service (same configuration, so Spring's context cache reuses it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class AcmeServer {

    static final TestHierarchy HIERARCHY = TestHierarchy.shared();
    static final int PORT = Ports.freePort();
    static final int HTTP01_PORT = Ports.freePort();
    static final Path DATA = temporaryDirectory();
    static final TestTls TLS = TestTls.issue(HIERARCHY, DATA.resolve("tls"));
    static final String BASE = "https://127.0.0.1:" + PORT;
    static final String DIRECTORY = BASE + "/acme/directory";
    /** Unit BN-01 may name bennghe.hcm.gov.vn and below; unit DK-01 dakao.hcm.gov.vn. */
    static final String PORTAL = "portal.bennghe.hcm.gov.vn";
    static final String OTHER_UNIT_NAME = "www.dakao.hcm.gov.vn";
    static final HttpClient HTTPS = https();

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("ramparts.pki.public-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("ramparts.pki.data-dir", DATA::toString);
        registry.add("ramparts.pki.admin-credentials-file", () -> DATA.resolve("secrets/admin-credentials").toString());
        HIERARCHY.serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
        TLS.serverProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("ramparts.pki.acme.http01-port", () -> HTTP01_PORT);
        registry.add("ramparts.pki.acme.validation-timeout", () -> "5s");
        for (String name : new String[]{PORTAL, "www.bennghe.hcm.gov.vn", "mail.bennghe.hcm.gov.vn", "nobody.bennghe.hcm.gov.vn", OTHER_UNIT_NAME}) {
            registry.add("ramparts.pki.acme.validation-hosts[" + name + "]", () -> "127.0.0.1");
        }
    }

    private static boolean unitsImported;

    /** The units BN-01 and DK-01, imported once through the RA's CSV API. */
    static synchronized void importUnits() {
        if (unitsImported) {
            return;
        }
        Admin.Answer answer = Admin.call("POST", "/api/v1/imports/units", "text/csv", "code,name,parent_code,allowed_domains\n"
                + "HCM,Thành phố Hồ Chí Minh,,\nBN-01,Phường Bến Nghé,HCM,bennghe.hcm.gov.vn\nDK-01,Phường Đa Kao,HCM,dakao.hcm.gov.vn\n");
        if (answer.status() != 200) {
            throw new AssertionError("unit import answered " + answer.status() + ": " + answer.body());
        }
        unitsImported = true;
    }

    /** An external account binding key for {@code unit}: {keyId, hmacKey}. */
    static JsonNode eabKey(String unit) {
        importUnits();
        Admin.Answer answer = Admin.call("POST", "/api/v1/acme/eab-keys", "application/json", "{\"unit\":\"" + unit + "\"}");
        if (answer.status() != 201) {
            throw new AssertionError("eab key answered " + answer.status() + ": " + answer.body());
        }
        return PkiClient.JSON.readTree(answer.body());
    }

    /** Calls as the bootstrap administrator. */
    static final class Admin {
        record Answer(int status, String body) {
        }

        static Answer call(String method, String path, String contentType, String body) {
            AdminCredentials admin = AdminCredentials.read(DATA.resolve("secrets/admin-credentials"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((admin.username() + ":" + admin.password())
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<String> response = HTTPS.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Path directory(String name) {
        try {
            return Files.createDirectories(DATA.resolve("acme").resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient https() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(TLS.trustStore())) {
                trust.load(in, TLS.password().toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("pki-acme-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> certbotEnvironment() {
        return Map.of("REQUESTS_CA_BUNDLE", TLS.rootPem().toString());
    }
}
