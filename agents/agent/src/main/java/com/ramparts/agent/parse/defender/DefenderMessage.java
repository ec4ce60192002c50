package com.ramparts.agent.parse.defender;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Name: value} lines of a Defender event's rendered message (indented with tabs), for
 * exports that carry the message but not the EventData.
 */
final class DefenderMessage {

    private DefenderMessage() {
    }

    static Map<String, String> fields(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : message.split("\r?\n", 200)) {
            String trimmed = line.strip();
            int colon = trimmed.indexOf(": ");
            if (colon > 0 && colon < 48 && !line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                fields.putIfAbsent(trimmed.substring(0, colon), trimmed.substring(colon + 2).strip());
            }
        }
        return fields;
    }
}
