package com.ramparts.detection.compile;

/** Numbers in event strings, without exceptions on the hot path. */
final class Numbers {

    private Numbers() {
    }

    /** The number a string spells in plain decimal (sign, digits, one dot, exponent), else NaN. */
    static double parse(String text) {
        int n = text.length();
        if (n == 0 || n > 40) {
            return Double.NaN;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** One text per numeric value: "22" for 22 and 22.0, "0.5" for 0.5. */
    static String canonical(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e18) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
