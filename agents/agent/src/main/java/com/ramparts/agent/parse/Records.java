package com.ramparts.agent.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Divides a text into records by a {@link Framing}, keeping the line each record starts on. For
 * {@link Framing#JSON_VALUES} it matches brackets outside strings rather than parsing (the parser that
 * gets each value reports what is wrong with it); text that does not start a JSON value runs to the
 * end of its line and becomes a record of its own, so nothing is skipped silently.
 */
public final class Records {

    /**
     * One record.
     *
     * @param line      the 1-based line it starts on
     * @param text      the record
     * @param truncated whether it was cut to the line limit
     */
    public record Numbered(long line, String text, boolean truncated) {
    }

    private Records() {
    }

    public static List<Numbered> split(String text, Framing framing, int maxLineChars) {
        return framing == Framing.LINES ? lines(text, maxLineChars) : jsonValues(text);
    }

    /** One record per line ({@code \n} or {@code \r\n}); lines over {@code maxLineChars} are cut and flagged. */
    public static List<Numbered> lines(String text, int maxLineChars) {
        List<Numbered> lines = new ArrayList<>();
        int start = 0;
        long line = 1;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            int cut = stop > start && text.charAt(stop - 1) == '\r' ? stop - 1 : stop;
            boolean truncated = cut - start > maxLineChars;
            lines.add(new Numbered(line++, text.substring(start, truncated ? start + maxLineChars : cut), truncated));
            start = stop + 1;
        }
        return lines;
    }

    /** One record per top-level JSON value, however many lines each spans. */
    public static List<Numbered> jsonValues(String text) {
        List<Numbered> values = new ArrayList<>();
        int i = 0;
        long line = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
                continue;
            }
            int end = c == '{' || c == '[' ? valueEnd(text, i) : lineEnd(text, i);
            String value = text.substring(i, end);
            values.add(new Numbered(line, value, false));
            line += value.chars().filter(ch -> ch == '\n').count();
            i = end;
        }
        return values;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** Just past the bracket closing the value at {@code from}, or the end of the text if it never closes. */
    private static int valueEnd(String text, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return text.length();
    }
}
