package com.ramparts.detection.ioc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of the STIX 2.1 patterning language (STIX 2.1 part 9) that indicator feeds use for
 * plain IOCs: comparisons of one value, joined by {@code OR} inside or between observation
 * expressions, with parentheses for grouping:
 * <pre>
 * [ipv4-addr:value = '198.51.100.7']
 * [ipv4-addr:value ISSUBSET '203.0.113.0/24']
 * [domain-name:value = 'evil.example' OR domain-name:value = 'evil.test']
 * [file:hashes.'SHA-256' = '...'] OR [file:hashes.MD5 = '...']
 * </pre>
 * Anything else is refused with the reason: {@code AND} (both comparisons must hold on one
 * object, which a value lookup cannot tell), {@code FOLLOWEDBY}, {@code NOT}, qualifiers
 * ({@code WITHIN}, {@code REPEATS}, {@code START}/{@code STOP}), operators other than {@code =}
 * (and {@code ISSUBSET} for addresses), binary/hex literals, and object paths we do not match.
 */
final class StixPattern {

    /** One value the pattern names. */
    record Comparison(IndicatorType type, String value) {
    }

    /** Why a pattern is refused, at which character. */
    static final class Unsupported extends Exception {
        Unsupported(String message, int offset) {
            super(message + " (at character " + (offset + 1) + ")", null, false, false);
        }
    }

    static final int MAX_LENGTH = 65_536;
    private static final int MAX_NESTING = 32;

    private final String text;
    private int at;
    private int depth;
    private final List<Comparison> comparisons = new ArrayList<>();

    private StixPattern(String text) {
        this.text = text;
    }

    static List<Comparison> parse(String pattern) throws Unsupported {
        if (pattern.length() > MAX_LENGTH) {
            throw new Unsupported("the pattern is " + pattern.length() + " characters; at most " + MAX_LENGTH
                    + " are read", 0);
        }
        StixPattern parser = new StixPattern(pattern);
        parser.disjunction(false);
        parser.space();
        if (parser.at < pattern.length()) {
            throw parser.refuse(parser.rest());
        }
        if (parser.comparisons.isEmpty()) {
            throw new Unsupported("the pattern is empty", 0);
        }
        return parser.comparisons;
    }

    /** Observation expressions (outside brackets) or comparisons (inside), joined by OR. */
    private void disjunction(boolean inside) throws Unsupported {
        if (++depth > MAX_NESTING) {
            throw new Unsupported("the pattern nests deeper than " + MAX_NESTING, at);
        }
        term(inside);
        while (true) {
            space();
            String word = peekWord();
            if (word.equals("OR")) {
                at += 2;
                term(inside);
            } else if (word.equals("AND")) {
                throw new Unsupported(inside
                        ? "AND inside an observation is not supported: it asks for one object with several properties,"
                                + " and only single values are matched"
                        : "AND between observations is not supported: only OR of single values is matched", at);
            } else {
                break;
            }
        }
        depth--;
    }

    private void term(boolean inside) throws Unsupported {
        space();
        if (at >= text.length()) {
            throw new Unsupported("the pattern ends where " + (inside ? "a comparison" : "'['") + " was expected", at);
        }
        char c = text.charAt(at);
        if (c == '(') {
            at++;
            disjunction(inside);
            expect(')');
        } else if (!inside && c == '[') {
            at++;
            disjunction(true);
            expect(']');
            space();
            String word = peekWord();
            if (word.equals("WITHIN") || word.equals("REPEATS") || word.equals("START")) {
                throw new Unsupported("the qualifier " + word + " is not supported: an indicator here is a single value", at);
            }
        } else if (inside) {
            comparison();
        } else {
            throw refuse(rest());
        }
    }

    private void comparison() throws Unsupported {
        int start = at;
        String path = path();
        space();
        String word = peekWord();
        if (word.equals("NOT")) {
            throw new Unsupported("NOT is not supported", at);
        }
        String operator;
        if (text.startsWith("=", at)) {
            operator = "=";
            at++;
        } else if (word.equals("ISSUBSET")) {
            operator = word;
            at += word.length();
        } else {
            String shown = word.isEmpty() ? (at < text.length() ? String.valueOf(text.charAt(at)) : "the end") : word;
            throw new Unsupported("the operator " + shown + " is not supported: only = (and ISSUBSET for addresses)", at);
        }
        space();
        String value = literal();
        IndicatorType type = type(path, start);
        if (operator.equals("ISSUBSET") && type != IndicatorType.ADDRESS) {
            throw new Unsupported("ISSUBSET applies to ipv4-addr and ipv6-addr values only", start);
        }
        comparisons.add(new Comparison(type, value));
    }

    private static IndicatorType type(String path, int at) throws Unsupported {
        String lower = path.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "ipv4-addr:value", "ipv6-addr:value" -> IndicatorType.ADDRESS;
            case "domain-name:value" -> IndicatorType.DOMAIN;
            case "url:value" -> IndicatorType.URL;
            case "email-addr:value", "email-message:from_ref.value", "email-message:sender_ref.value" -> IndicatorType.EMAIL;
            case "file:hashes.md5" -> IndicatorType.MD5;
            case "file:hashes.sha-1", "file:hashes.sha1" -> IndicatorType.SHA1;
            case "file:hashes.sha-256", "file:hashes.sha256" -> IndicatorType.SHA256;
            default -> throw new Unsupported("the object path " + path + " is not matched by Ramparts; supported:"
                    + " ipv4-addr:value, ipv6-addr:value, domain-name:value, url:value, email-addr:value,"
                    + " file:hashes.MD5|'SHA-1'|'SHA-256'", at);
        };
    }

    /** {@code type:property(.key)*}; a key may be quoted ({@code hashes.'SHA-256'}). Quotes are dropped. */
    private String path() throws Unsupported {
        StringBuilder path = new StringBuilder();
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '.') {
                path.append(c);
                at++;
            } else if (c == '\'' && path.length() > 0 && path.charAt(path.length() - 1) == '.') {
                path.append(literal());
            } else {
                break;
            }
        }
        if (path.indexOf(":") <= 0) {
            throw new Unsupported("expected an object path such as ipv4-addr:value", start);
        }
        return path.toString();
    }

    /** A single-quoted string: {@code \'} and {@code \\} are the only escapes. */
    private String literal() throws Unsupported {
        if (at < text.length() && (text.charAt(at) == 'h' || text.charAt(at) == 'b') && text.startsWith("'", at + 1)) {
            throw new Unsupported("hex and binary literals are not supported", at);
        }
        if (at >= text.length() || text.charAt(at) != '\'') {
            throw new Unsupported("expected a quoted string such as '198.51.100.7'"
                    + (at < text.length() && Character.isDigit(text.charAt(at)) ? " (numbers are not indicator values)" : ""), at);
        }
        int start = at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\\') {
                if (at >= text.length() || (text.charAt(at) != '\'' && text.charAt(at) != '\\')) {
                    throw new Unsupported("only \\' and \\\\ may be escaped in a string", at - 1);
                }
                value.append(text.charAt(at++));
            } else if (c == '\'') {
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw new Unsupported("the string is not closed", start);
    }

    private void expect(char c) throws Unsupported {
        space();
        if (at >= text.length() || text.charAt(at) != c) {
            throw new Unsupported("expected '" + c + "'" + (at >= text.length() ? " before the end" : ""), at);
        }
        at++;
    }

    private String peekWord() {
        int end = at;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(at, end);
    }

    private String rest() {
        return text.substring(at, Math.min(text.length(), at + 20));
    }

    private Unsupported refuse(String found) {
        String word = peekWord();
        if (word.equals("FOLLOWEDBY")) {
            return new Unsupported("FOLLOWEDBY is not supported: only single values are matched", at);
        }
        return new Unsupported("unexpected '" + found + "'", at);
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
