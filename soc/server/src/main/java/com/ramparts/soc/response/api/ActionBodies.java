package com.ramparts.soc.response.api;

import com.ramparts.soc.response.ResponseException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an action request's body: at most {@link #MAX_BODY} bytes (a declared longer body is refused before it is
 * read, a chunked one as soon as it passes the limit), JSON only, unknown fields refused.
 */
final class ActionBodies {

    static final int MAX_BODY = 16 * 1024;

    /** The body of {@code POST .../actions}. */
    record Body(String action, String serial, String reason, String message, Boolean confirm) {
    }

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ActionBodies() {
    }

    static Body read(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ActionApiException("UNSUPPORTED_MEDIA_TYPE", 415, "send application/json");
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new ActionApiException("MALFORMED_BODY", 400, "the body could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BODY) {
            throw tooLarge();
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            throw new ResponseException(ResponseException.Code.INVALID_REQUEST, "the body must be a JSON object with an action");
        }
        try {
            Body body = STRICT.readValue(json, Body.class);
            if (body == null) {
                throw new ResponseException(ResponseException.Code.INVALID_REQUEST, "the body must be a JSON object");
            }
            return body;
        } catch (UnrecognizedPropertyException e) {
            throw new ActionApiException("UNKNOWN_FIELD", 400, "unknown field '" + e.getPropertyName() + "'");
        } catch (JacksonException e) {
            throw new ActionApiException("MALFORMED_BODY", 400, "the body is not the expected JSON object: " + e.getOriginalMessage());
        }
    }

    private static ResponseException tooLarge() {
        return new ResponseException(ResponseException.Code.BODY_TOO_LARGE, "the body is larger than " + MAX_BODY + " bytes");
    }
}
