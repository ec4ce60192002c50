package com.ramparts.soc;

import com.ramparts.runtime.host.Ports;
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
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** soc must not claim to be healthy when the servers it depends on are not there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SocHealthWhenServersAreMissingTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void nothingListens(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("soc-down-test-");
        registry.add("ramparts.soc.data-dir", dataDir::toString);
        registry.add("ramparts.soc.admin-credentials-file", () -> dataDir.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.kafka.bootstrap-servers", () -> "127.0.0.1:" + Ports.freePort());
        registry.add("ramparts.soc.open-search.url", () -> "http://127.0.0.1:" + Ports.freePort());
    }

    @Test
    void healthIsDownWhenKafkaAndOpenSearchDoNotAnswer() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = JsonMapper.builder().build().readTree(health.body());
            assertThat(body.path("status").asString()).isEqualTo("DOWN");
            assertThat(body.has("components")).as("details are for the administrator only").isFalse();
        }
    }
}
