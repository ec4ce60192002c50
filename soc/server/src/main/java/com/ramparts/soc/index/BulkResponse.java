package com.ramparts.soc.index;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-item answers of a {@code _bulk} response, read with a streaming parser (one response can
 * hold tens of thousands of items).
 *
 * @param errors whether OpenSearch said any item failed
 * @param items  one per document sent, in the order sent
 */
record BulkResponse(boolean errors, List<Item> items) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** @param error {@code type: reason (caused by: ...)}, null on success */
    record Item(int status, String error) {
    }

    static BulkResponse parse(byte[] body) {
        boolean errors = false;
        List<Item> items = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("errors")) {
                    errors = value == JsonToken.VALUE_TRUE;
                } else if (name.equals("items")) {
                    expect(value, JsonToken.START_ARRAY);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.nextToken(); // the action name: create
                        expect(parser.nextToken(), JsonToken.START_OBJECT);
                        items.add(item(parser));
                        expect(parser.nextToken(), JsonToken.END_OBJECT);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new BulkResponse(errors, items);
    }

    private static Item item(JsonParser parser) {
        int status = 0;
        String error = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("status")) {
                status = parser.getIntValue();
            } else if (name.equals("error") && value == JsonToken.START_OBJECT) {
                error = error(parser);
            } else {
                parser.skipChildren();
            }
        }
        return new Item(status, error);
    }

    private static String error(JsonParser parser) {
        String type = null;
        String reason = null;
        String cause = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                type = parser.getString();
            } else if (name.equals("reason") && value == JsonToken.VALUE_STRING) {
                reason = parser.getString();
            } else if (name.equals("caused_by") && value == JsonToken.START_OBJECT) {
                cause = error(parser);
            } else {
                parser.skipChildren();
            }
        }
        String text = type + ": " + reason;
        return cause == null ? text : text + " (caused by " + cause + ")";
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("unexpected _bulk response: " + expected + " expected, found " + actual);
        }
    }
}
