package com.ramparts.agent.parse.fortigate;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.common.Texts;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value key="quoted value" key=} as FortiOS writes it; a backslash escapes a quote. */
final class KeyValues {

    /** FortiOS traffic logs have about 60 keys; more than this is not a FortiGate line. */
    static final int MAX_KEYS = 400;

    private KeyValues() {
    }

    static Map<String, String> parse(String text) throws ParseException {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
            int eq = i;
            while (eq < n && text.charAt(eq) != '=' && text.charAt(eq) != ' ') {
                eq++;
            }
            if (eq == n || text.charAt(eq) != '=' || eq == i) {
                throw new ParseException("expected key=value at character " + (i + 1) + ", found '"
                        + Texts.shorten(text.substring(i, Math.min(n, i + 40))) + "'");
            }
            String key = text.substring(i, eq);
            int v = eq + 1;
            String value;
            if (v < n && text.charAt(v) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = v + 1;
                for (; j < n && text.charAt(j) != '"'; j++) {
                    if (text.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    quoted.append(text.charAt(j));
                }
                if (j == n) {
                    throw new ParseException("the value of '" + Texts.shorten(key) + "' opens a quote that never closes");
                }
                value = quoted.toString();
                i = j + 1;
            } else {
                int end = text.indexOf(' ', v);
                end = end < 0 ? n : end;
                value = text.substring(v, end);
                i = end;
            }
            if (values.size() >= MAX_KEYS) {
                throw new ParseException("more than " + MAX_KEYS + " key=value pairs");
            }
            values.putIfAbsent(key, value);
        }
        return values;
    }
}
