package com.ramparts.telemetry.event;

import java.util.Objects;

/** An event, id or field that breaks a rule of the model; says which field and which rule. */
public final class InvalidEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The kind of rule broken, so callers (the JSON reader, dead-letter metrics) can tell them apart. */
    public enum Rule {
        /** a field name that is not a lowercase dotted ECS name, or is too long */
        NAME,
        /** a name owned by the typed core: {@code @timestamp}, {@code event.original}, {@code ramparts.*} */
        RESERVED,
        /** a name that would be both a value and an object ({@code source} and {@code source.ip}) */
        CONFLICT,
        /** the same field set twice */
        DUPLICATE,
        /** a value of the wrong type for a declared ECS field */
        TYPE,
        /** a number or instant outside its allowed range */
        RANGE,
        /** a value that breaks a format or an allowed set */
        VALUE,
        /** a required part left out */
        REQUIRED
    }

    private final String field;
    private final Rule rule;
    private final String detail;

    InvalidEventException(String field, Rule rule, String detail) {
        super(shorten(field) + ": " + detail);
        this.field = Objects.requireNonNull(field);
        this.rule = Objects.requireNonNull(rule);
        this.detail = Objects.requireNonNull(detail);
    }

    /** Text from input, cut so that a hostile megabyte-long value cannot bloat a message or a log line. */
    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...(" + text.length() + " chars)";
    }

    /** The dotted name of the offending field, e.g. {@code source.port} or {@code ramparts.agent_id}. */
    public String field() {
        return field;
    }

    public Rule rule() {
        return rule;
    }

    /** What is wrong, without the field name. */
    public String detail() {
        return detail;
    }
}
