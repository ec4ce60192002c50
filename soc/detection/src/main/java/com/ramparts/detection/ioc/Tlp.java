package com.ramparts.detection.ioc;

import java.util.Locale;

/** Traffic Light Protocol 2.0 labels (1.0's WHITE reads as CLEAR). Says who may see the indicator. */
public enum Tlp {
    CLEAR, GREEN, AMBER, AMBER_STRICT, RED;

    /** {@code clear}, {@code green}, {@code amber}, {@code amber+strict}, {@code red}: as in MISP tags and alerts. */
    public String label() {
        return this == AMBER_STRICT ? "amber+strict" : name().toLowerCase(Locale.ROOT);
    }

    /** A TLP named as {@code amber}, {@code TLP:AMBER}, {@code tlp:amber+strict}, {@code white}...; null for none. */
    public static Tlp parse(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("tlp:")) {
            name = name.substring(4).strip();
        }
        return switch (name) {
            case "clear", "white" -> CLEAR;
            case "green" -> GREEN;
            case "amber" -> AMBER;
            case "amber+strict", "amber_strict", "amber-strict" -> AMBER_STRICT;
            case "red" -> RED;
            default -> null;
        };
    }
}
