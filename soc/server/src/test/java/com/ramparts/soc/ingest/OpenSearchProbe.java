package com.ramparts.soc.ingest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads what is in OpenSearch, straight from the node over HTTP. */
record OpenSearchProbe(URI node) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Documents matching a term query in the indices matching {@code pattern}, after a refresh. */
    long count(String pattern, String field, String value) {
        send("POST", "/" + pattern + "/_refresh?allow_no_indices=true&ignore_unavailable=true", null);
        JsonNode answer = send("POST", "/" + pattern + "/_count?allow_no_indices=true&ignore_unavailable=true",
                "{\"query\":{\"term\":{\"" + field + "\":\"" + value + "\"}}}");
        return answer.path("count").asLong();
    }

    /** Documents matching every one of these terms, after a refresh. */
    long count(String pattern, Map<String, String> terms) {
        send("POST", "/" + pattern + "/_refresh?allow_no_indices=true&ignore_unavailable=true", null);
        String filters = terms.entrySet().stream()
                .map(term -> "{\"term\":{\"" + term.getKey() + "\":\"" + term.getValue() + "\"}}")
                .collect(Collectors.joining(","));
        JsonNode answer = send("POST", "/" + pattern + "/_count?allow_no_indices=true&ignore_unavailable=true",
                "{\"query\":{\"bool\":{\"filter\":[" + filters + "]}}}");
        return answer.path("count").asLong();
    }

    /** The first hit's _source, after a refresh. */
    JsonNode source(String pattern, String field, String value) {
        send("POST", "/" + pattern + "/_refresh?allow_no_indices=true", null);
        JsonNode answer = send("POST", "/" + pattern + "/_search",
                "{\"query\":{\"term\":{\"" + field + "\":\"" + value + "\"}}}");
        return answer.at("/hits/hits/0/_source");
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    int status(String method, String path, String body) {
        return exchange(method, path, body).statusCode();
    }

    JsonNode send(String method, String path, String body) {
        return JSON.readTree(exchange(method, path, body).body());
    }

    private HttpResponse<String> exchange(String method, String path, String body) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }
}
