package com.ramparts.detection.ioc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A STIX or MISP document read into a small tree whose every node knows its line and JSON pointer,
 * so a problem can name both. Jackson's streaming parser underneath, with limits on depth and string
 * length; duplicate keys are refused (which one would a feed mean?).
 */
final class JsonTree {

    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNameLength(4_096).maxNumberLength(100).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTree() {
    }

    /** A JSON value with where it starts. */
    sealed interface Node {
        int line();

        String pointer();

        /** "an object", "a string", ...: for messages. */
        String describe();
    }

    record ObjectNode(Map<String, Node> members, int line, String pointer) implements Node {
        Node get(String name) {
            return members.get(name);
        }

        /** The member as text when it is a string, a number or a boolean; else null. */
        String text(String name) {
            Node node = members.get(name);
            return switch (node) {
                case TextNode t -> t.value();
                case ScalarNode s -> s.text();
                case null, default -> null;
            };
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    record ArrayNode(List<Node> items, int line, String pointer) implements Node {
        @Override
        public String describe() {
            return "an array";
        }
    }

    record TextNode(String value, int line, String pointer) implements Node {
        @Override
        public String describe() {
            return "a string";
        }
    }

    /** A number, true, false or null, kept as its JSON text. */
    record ScalarNode(String text, int line, String pointer) implements Node {
        @Override
        public String describe() {
            return "null".equals(text) ? "null" : "a number or boolean";
        }
    }

    /** Thrown for input that is not one well-formed JSON document. */
    static final class MalformedJson extends Exception {
        final int line;

        MalformedJson(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    static Node read(byte[] json) throws MalformedJson {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedJson("the file is empty", 1);
            }
            Node root = node(parser, "");
            if (parser.nextToken() != null) {
                throw new MalformedJson("more than one JSON document in the file", line(parser));
            }
            return root;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            if (message.startsWith("Unexpected end-of-input")) {
                message = "the JSON ends early (truncated?): " + message;
            }
            throw new MalformedJson("not valid JSON: " + firstLine(message), line);
        }
    }

    private static Node node(JsonParser parser, String pointer) {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Node> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, node(parser, pointer + "/" + escape(name)));
                }
                yield new ObjectNode(members, line, pointer);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, pointer + "/" + items.size()));
                }
                yield new ArrayNode(items, line, pointer);
            }
            case VALUE_STRING -> new TextNode(parser.getString(), line, pointer);
            default -> new ScalarNode(parser.getString(), line, pointer);
        };
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    private static String escape(String name) {
        return name.indexOf('~') < 0 && name.indexOf('/') < 0 ? name : name.replace("~", "~0").replace("/", "~1");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
