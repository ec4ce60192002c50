package com.ramparts.detection.modifier;

import java.util.Locale;

/** Every value modifier of the Sigma specification 2.1, with pySigma's aliases for the regex flags. */
public enum Modifier {
    CONTAINS, STARTSWITH, ENDSWITH, ALL, EXISTS, CASED, NEQ,
    WINDASH, RE, I, M, S,
    BASE64, BASE64OFFSET, UTF16LE, UTF16BE, UTF16, WIDE,
    LT, LTE, GT, GTE,
    MINUTE, HOUR, DAY, WEEK, MONTH, YEAR,
    CIDR, EXPAND, FIELDREF;

    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The modifier with this name (case-sensitive, as Sigma writes them), or null. */
    public static Modifier parse(String name) {
        return switch (name) {
            case "ignorecase" -> I;
            case "multiline" -> M;
            case "dotall" -> S;
            default -> {
                for (Modifier modifier : values()) {
                    if (modifier.sigmaName().equals(name)) {
                        yield modifier;
                    }
                }
                yield null;
            }
        };
    }

    boolean isRegexFlag() {
        return this == I || this == M || this == S;
    }

    boolean isComparison() {
        return this == LT || this == LTE || this == GT || this == GTE;
    }

    boolean isTimePart() {
        return this == MINUTE || this == HOUR || this == DAY || this == WEEK || this == MONTH || this == YEAR;
    }

    boolean isUtf16() {
        return this == UTF16LE || this == UTF16BE || this == UTF16 || this == WIDE;
    }
}
