package com.ramparts.agent.parse.common;

import com.ramparts.agent.parse.ParseException;

/** Number readers for text formats that name the field when the text is not a number. */
public final class Numbers {

    private Numbers() {
    }

    /** A whole decimal number with an optional leading minus, at most 18 digits (always fits a long). */
    public static long whole(String field, String text) throws ParseException {
        int n = text.length();
        int start = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (n == start || n - start > 18) {
            throw new ParseException(field + ": '" + Texts.shorten(text) + "' is not a whole number"
                    + (n - start > 18 ? " of at most 18 digits" : ""));
        }
        long value = 0;
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new ParseException(field + ": '" + Texts.shorten(text) + "' is not a whole number");
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }

    /** A port number, 0 to 65535. */
    public static long port(String field, String text) throws ParseException {
        long port = whole(field, text);
        if (port < 0 || port > 65_535) {
            throw new ParseException(field + ": " + port + " is not a port number (0-65535)");
        }
        return port;
    }

    /** A whole number in hexadecimal, as in {@code TOS=0x00}, with or without the 0x. */
    public static long hex(String field, String text) throws ParseException {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > 15) {
            throw new ParseException(field + ": '" + Texts.shorten(text) + "' is not a hexadecimal number");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                throw new ParseException(field + ": '" + Texts.shorten(text) + "' is not a hexadecimal number");
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** A decimal number such as {@code 0.026} or {@code 12.731}; finite only. */
    public static double decimal(String field, String text) throws ParseException {
        if (text.isEmpty() || text.length() > 40 || !text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new ParseException(field + ": '" + Texts.shorten(text) + "' is not a decimal number");
        }
        return Double.parseDouble(text);
    }

    /** Whether the text is a whole decimal number of at most 18 digits. */
    public static boolean isWhole(String text) {
        int n = text.length();
        if (n == 0 || n > 18) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
