package com.ramparts.pki;

import com.ramparts.runtime.secrets.AdminCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PkiServiceTest {

    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("pki-test-");
        registry.add("ramparts.pki.data-dir", () -> dataDir.toString());
        registry.add("ramparts.pki.admin-credentials-file", () -> dataDir.resolve("secrets/admin-credentials").toString());
    }

    @Test
    void healthIsPublicAndUpOnTheEmbeddedDatabase() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(dataDir.resolve("db/pki.mv.db")).exists();
    }

    @Test
    void prometheusMetricsNeedTheAdministrator() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("admin", "not-the-password")).statusCode()).isEqualTo(401);

        HttpResponse<String> metrics = get("/actuator/prometheus", adminAuthorization());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("service=\"ramparts-pki\"");
    }

    @Test
    void anythingElseNeedsAuthentication() throws Exception {
        assertThat(get("/api/v1/certificates", null).statusCode()).isEqualTo(401);
    }

    @Test
    void firstStartCreatesAdministratorCredentialsReadableOnlyByTheOwner() throws Exception {
        Path file = dataDir.resolve("secrets/admin-credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(AdminCredentials.read(file).username()).isEqualTo("admin");
    }

    private String adminAuthorization() {
        AdminCredentials admin = AdminCredentials.read(dataDir.resolve("secrets/admin-credentials"));
        return basic(admin.username(), admin.password());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
