package com.ramparts.agent.parse;

import java.util.Random;

/** Small random edits of a valid record, the kind broken transport and hostile senders make. */
final class Mutations {

    private static final String[] TOKENS = {"\"", "{", "}", "[", "]", ",", ":", "=", " ", "\n", "\\", "\\u", "\\ud800",
            "\uFFFD", "\u0000", "-", ".", "e999", "99999999999999999999999", "-1", "NaN", "null", "true", "[]", "{}",
            "0x", "%ASA-", "IN=", "PROTO=", "SRC=", "FOUND", " -> ", "T", "+99:99", "Z", "\"\"", "'", "(", ")", "<", ">"};

    private Mutations() {
    }

    static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(7)) {
                case 0 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> {
                    if (!text.isEmpty() && at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    int end = Math.min(text.length(), at + random.nextInt(20));
                    text.delete(at, end);
                }
                case 3 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
                case 4 -> {
                    int end = Math.min(text.length(), at + random.nextInt(30));
                    text.insert(at, text.substring(at, end));
                }
                case 5 -> text.setLength(at);
                default -> {
                    if (at < text.length() && Character.isDigit(text.charAt(at))) {
                        text.insert(at, "9".repeat(1 + random.nextInt(40)));
                    } else {
                        text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                    }
                }
            }
        }
        return text.toString();
    }
}
