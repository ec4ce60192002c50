package com.ramparts.soc.incident.api;

import com.ramparts.soc.incident.IncidentException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** The bodies the API accepts, read strictly: an unknown field or a wrong type is a 400, not silently ignored. */
final class Requests {

    record Acknowledge(String note) {
    }

    record Assign(String owner) {
    }

    record Transition(String to, String note) {
    }

    record Note(String text) {
    }

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Requests() {
    }

    /** An absent or empty body reads as an empty object. */
    static <T> T read(String body, Class<T> type) {
        String json = body == null || body.isBlank() ? "{}" : body;
        try {
            T value = STRICT.readValue(json, type);
            if (value == null) {
                throw new IncidentException(IncidentException.Code.INVALID_REQUEST, "the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException("UNKNOWN_FIELD", 400, "unknown field '" + e.getPropertyName() + "'");
        } catch (JacksonException e) {
            throw new ApiException("MALFORMED_BODY", 400, "the body is not the expected JSON object: " + e.getOriginalMessage());
        }
    }
}
