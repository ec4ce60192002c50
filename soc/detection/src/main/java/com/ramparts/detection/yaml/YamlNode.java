package com.ramparts.detection.yaml;

import java.util.List;

/**
 * A YAML node with its position, after alias expansion and limit checks. Scalars keep the type
 * the YAML 1.2 core schema resolved (a quoted {@code '22'} is a string, a plain {@code 22} an integer).
 */
public sealed interface YamlNode {

    Position position();

    /** "a string", "a list", ... for messages. */
    String describe();

    enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /**
     * @param plainOrQuotedOneLine whether columns inside the value can be computed from the start
     *                             (a plain or quoted scalar on one line); {@code quoteWidth} is 1 for quoted ones
     */
    record Scalar(String text, ScalarType type, Position position, boolean plainOrQuotedOneLine, int quoteWidth)
            implements YamlNode {

        /** The position of the character at {@code offset} inside the value, as precisely as YAML allows. */
        public Position positionAt(int offset) {
            return plainOrQuotedOneLine ? position.shiftColumns(quoteWidth + offset) : position;
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }

        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER -> "a whole number";
                case FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
    }

    record Entry(Scalar key, YamlNode value) {
    }

    record MapNode(List<Entry> entries, Position position) implements YamlNode {

        public YamlNode get(String key) {
            for (Entry entry : entries) {
                if (entry.key().text().equals(key)) {
                    return entry.value();
                }
            }
            return null;
        }

        public Entry entry(String key) {
            for (Entry entry : entries) {
                if (entry.key().text().equals(key)) {
                    return entry;
                }
            }
            return null;
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record SeqNode(List<YamlNode> items, Position position) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
