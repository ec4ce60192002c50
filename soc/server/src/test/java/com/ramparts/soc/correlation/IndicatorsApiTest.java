package com.ramparts.soc.correlation;

import com.ramparts.runtime.secrets.AdminCredentials;
import com.ramparts.soc.correlation.indicators.IndicatorCatalog;
import com.ramparts.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IOC lists in soc's Spring wiring: {@code ramparts.soc.correlation.indicators-path}, the
 * catalog bean, its gauges and {@code GET /api/v1/rules/indicators} (with real HTTP). The correlator
 * itself is off here; {@link IndicatorCorrelationTest} runs it on Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IndicatorsApiTest {

    private static final Path DATA = temporaryDirectory();
    private static final Path INDICATORS = DATA.resolve("ioc-lists");

    @Autowired
    IndicatorCatalog catalog;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        try {
            Files.createDirectories(INDICATORS);
            IndicatorCorrelationTest.copyFixtures(INDICATORS);
            Files.writeString(INDICATORS.resolve("broken.misp.json"), "{\"Event\": {\"Attribute\": [{\"type\": \"ip-dst\",");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("ramparts.soc.data-dir", DATA::toString);
        registry.add("ramparts.soc.admin-credentials-file", () -> DATA.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.soc.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
        registry.add("ramparts.soc.ingest.enabled", () -> "false");
        registry.add("ramparts.soc.incidents.enabled", () -> "false");
        registry.add("ramparts.soc.correlation.enabled", () -> "false");
        registry.add("ramparts.soc.correlation.rules-path", () -> DATA.resolve("rules").toString());
        registry.add("ramparts.soc.correlation.indicators-path", INDICATORS::toString);
    }

    @Test
    void theConfiguredDirectoryLoadsAndTheRestViewListsFeedsAndProblemsButNoValues() throws Exception {
        assertThat(catalog.directory()).isEqualTo(INDICATORS);
        catalog.reload(); // what the correlation service does when it starts

        HttpResponse<String> response = get("/api/v1/rules/indicators", true);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        List<String> feeds = new ArrayList<>();
        body.path("feeds").forEach(f -> feeds.add(f.path("name").asString() + "=" + f.path("indicators").asInt()
                + "/" + f.path("format").asString()));
        assertThat(feeds).containsExactlyInAnyOrder("broken=0/unknown", "ncsc-warning-2026-041=13/misp",
                "vncert-2026-11=10/stix");
        List<String> problems = new ArrayList<>();
        body.path("problems").forEach(p -> problems.add(p.path("text").asString()));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("broken.misp.json:1:").contains("truncated"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("/objects/13/pattern").contains("file:name"));
        assertThat(body.path("indicators").asInt()).isEqualTo(23);
        assertThat(response.body()).as("feeds may be TLP:AMBER or RED: no values").doesNotContain("198.51.100.23");
        assertThat(meters.get("ramparts.soc.indicators.loaded").gauge().value()).isEqualTo(23);
        assertThat(meters.get("ramparts.soc.indicators.problems").gauge().value()).isEqualTo(problems.size());
        assertThat(get("/api/v1/rules/indicators", false).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authenticated) {
            AdminCredentials admin = AdminCredentials.loadOrCreate(DATA.resolve("secrets/admin-credentials")).credentials();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("soc-ioc-api-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
