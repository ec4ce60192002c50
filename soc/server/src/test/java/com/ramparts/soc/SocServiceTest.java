package com.ramparts.soc;

import com.ramparts.runtime.secrets.AdminCredentials;
import com.ramparts.testsupport.TestKafka;
import com.ramparts.testsupport.TestOpenSearch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** soc on its embedded database, connected to a real Kafka broker and a real OpenSearch node. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SocServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("soc-test-");
        registry.add("ramparts.soc.data-dir", () -> dataDir.toString());
        registry.add("ramparts.soc.admin-credentials-file", () -> dataDir.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
        registry.add("ramparts.soc.open-search.url", () -> TestOpenSearch.shared().httpUri().toString());
    }

    @Test
    void healthIsUpWhenKafkaAndOpenSearchAnswer() throws Exception {
        HttpResponse<String> health = get("/actuator/health", adminAuthorization());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = JSON.readTree(health.body()).path("components");
        assertThat(components.at("/kafka/status").asString()).isEqualTo("UP");
        assertThat(components.at("/kafka/details/brokers").asInt()).isEqualTo(1);
        assertThat(components.at("/opensearch/status").asString()).isEqualTo("UP");
        assertThat(components.at("/opensearch/details/clusterStatus").asString()).isIn("green", "yellow");
        assertThat(components.at("/db/status").asString()).isEqualTo("UP");
    }

    @Test
    void healthIsPublicButItsDetailsAreNot() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("bootstrapServers");
    }

    @Test
    void prometheusMetricsNeedTheAdministrator() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", adminAuthorization());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("service=\"ramparts-soc\"");
    }

    private String adminAuthorization() {
        AdminCredentials admin = AdminCredentials.read(dataDir.resolve("secrets/admin-credentials"));
        return "Basic " + Base64.getEncoder().encodeToString((admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8));
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
