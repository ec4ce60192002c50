package com.ramparts.pki.testing;

import com.ramparts.runtime.secrets.AdminCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for the running service, as an administrator or anonymously. */
public final class PkiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final Path credentials;
    private final HttpClient http = HttpClient.newHttpClient();

    public PkiClient(int port, Path credentials) {
        this.base = "http://127.0.0.1:" + port;
        this.credentials = credentials;
    }

    public record Response(int status, String body, byte[] bytes, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public String base() {
        return base;
    }

    public Response get(String path, boolean asAdmin) {
        return send(request(path, asAdmin).GET().build());
    }

    public Response postJson(String path, Object body) {
        return postJson(path, body, "en");
    }

    public Response postJson(String path, Object body, String language) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(request(path, true).header("Content-Type", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response post(String path, String contentType, byte[] body, boolean asAdmin) {
        return send(request(path, asAdmin).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Issues a certificate; fails unless the service answers 201. */
    public JsonNode issue(String profile, String csrPem) {
        Response response = postJson("/api/v1/certificates", Map.of("profile", profile, "csr", csrPem));
        if (response.status() != 201) {
            throw new AssertionError("issuance of " + profile + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    private HttpRequest.Builder request(String path, boolean asAdmin) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (asAdmin) {
            AdminCredentials admin = AdminCredentials.read(credentials);
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (admin.username() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        }
    }
}
