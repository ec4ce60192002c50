package com.ramparts.soc.response;

import com.ramparts.soc.config.SocProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * Revokes certificates through pki's REST API: {@code POST <pki>/api/v1/certificates/{serial}/revocation} with soc's
 * API token ({@code Authorization: Bearer rpk_...}, a token of role ADMIN that pki's administrator made for soc; pki
 * attributes the revocation to the token's name). pki's answers map to stable codes: unknown serial, already revoked,
 * refused (bad token, bad request), unavailable.
 */
public class PkiRevocations {

    private static final int MAX_ANSWER = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SocProperties.Pki settings;
    private final HttpClient http;

    public PkiRevocations(SocProperties.Pki settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean configured() {
        return settings.configured();
    }

    /** What pki answered to a revocation. */
    public record Revoked(String serial, String status, String reason, String revokedAt) {
    }

    /** @param serial already checked by {@link CertificateSerial#parse} */
    public Revoked revoke(String serial, String reason) {
        if (!configured()) {
            throw new ResponseException(ResponseException.Code.PKI_NOT_CONFIGURED,
                    "soc has no pki to revoke through: set ramparts.soc.response.pki.url and a token");
        }
        URI uri = URI.create(stripSlash(settings.url().toString()) + "/api/v1/certificates/" + serial + "/revocation");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("reason", reason))))
                .build();
        HttpResponse<InputStream> response;
        String body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ResponseException(ResponseException.Code.PKI_UNAVAILABLE,
                    "pki at " + settings.url() + " did not answer: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseException(ResponseException.Code.PKI_UNAVAILABLE, "interrupted while waiting for pki", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            JsonNode answer = read(body);
            return new Revoked(text(answer, "serialNumber", serial), text(answer, "status", "?"),
                    text(answer, "revocationReason", reason), text(answer, "revokedAt", null));
        }
        String code = text(read(body), "code", "http." + status);
        String message = "pki answered " + status + " " + code;
        if (status == 404 && code.startsWith("certificate.")) {
            throw new ResponseException(ResponseException.Code.CERTIFICATE_NOT_FOUND, "pki has no certificate " + serial);
        }
        if (status == 409) {
            throw new ResponseException(ResponseException.Code.CERTIFICATE_ALREADY_REVOKED,
                    "certificate " + serial + " is already revoked or on hold (" + code + ")");
        }
        if (status == 401 || status == 403) {
            throw new ResponseException(ResponseException.Code.PKI_REFUSED,
                    message + ": soc's pki token is unknown, expired, revoked or not an ADMIN token");
        }
        if (status >= 500) {
            throw new ResponseException(ResponseException.Code.PKI_UNAVAILABLE, message);
        }
        throw new ResponseException(ResponseException.Code.PKI_REFUSED, message);
    }

    private String token() {
        if (settings.token() != null && !settings.token().isBlank()) {
            return settings.token().strip();
        }
        if (settings.tokenFile() == null) {
            throw new ResponseException(ResponseException.Code.PKI_NOT_CONFIGURED,
                    "set ramparts.soc.response.pki.token or token-file");
        }
        try {
            // read on every use, so a rotated token needs no restart
            return Files.readAllLines(settings.tokenFile(), StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new ResponseException(ResponseException.Code.PKI_NOT_CONFIGURED,
                    "cannot read ramparts.soc.response.pki.token-file " + settings.tokenFile() + ": " + e.getMessage(),
                    new UncheckedIOException(e));
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? fallback : value.asString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
