package com.ramparts.soc.web.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a dotted field from an event's {@code _source}, which may spell it flat ({@code "event.kind"}),
 * nested ({@code "event":{"kind":...}}) or both mixed, as OpenSearch and the telemetry codec accept.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static JsonNode find(JsonNode node, String dotted) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode direct = node.get(dotted);
        if (direct != null) {
            return direct;
        }
        int dot = dotted.indexOf('.');
        while (dot > 0) {
            JsonNode child = node.get(dotted.substring(0, dot));
            if (child != null && child.isObject()) {
                JsonNode found = find(child, dotted.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            dot = dotted.indexOf('.', dot + 1);
        }
        return null;
    }

    /** The field as text: a scalar's value, an array's values joined with ", ", null when absent. */
    public static String text(JsonNode node, String dotted) {
        JsonNode value = find(node, dotted);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(item -> joined.append(joined.isEmpty() ? "" : ", ").append(item.asText()));
            return joined.toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
