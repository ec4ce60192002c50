package com.ramparts.soc.web.events;

import com.ramparts.soc.index.EventMapping;
import com.ramparts.soc.index.EventMapping.MappedType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The search box's language, deliberately small: words and {@code "quoted phrases"} (free text),
 * {@code field:value} and {@code field:"a value"} for the fields of the event mapping, {@code value*}
 * for a prefix of a keyword field, and {@code -} before a term to exclude it. All terms must match.
 * Lucene operators, ranges, grouping and escapes are refused with a message rather than
 * half-interpreted; the time range and the filters have their own controls.
 */
public final class EventQueryParser {

    static final int MAX_CLAUSES = 20;
    static final int MAX_VALUE_LENGTH = 256;
    /** Query syntax we do not support; refusing it tells the analyst why a search "did not work". */
    private static final String REFUSED_CHARACTERS = "{}[]()<>\\^~";
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9@_][A-Za-z0-9@_.]{0,127}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");
    /** Fields that are not in the telemetry model but that soc itself writes. */
    private static final Map<String, MappedType> EXTRA_FIELDS = Map.of("labels.site_status", MappedType.KEYWORD);

    private final int maxLength;

    public EventQueryParser(int maxLength) {
        this.maxLength = maxLength;
    }

    public List<SearchClause> parse(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        if (query.length() > maxLength) {
            throw new BadSearchException("search.error.tooLong", query.length(), maxLength);
        }
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
                throw new BadSearchException("search.error.controlCharacter", i + 1);
            }
            if (REFUSED_CHARACTERS.indexOf(c) >= 0) {
                throw new BadSearchException("search.error.syntax", String.valueOf(c));
            }
        }
        List<SearchClause> clauses = new ArrayList<>();
        Tokens tokens = new Tokens(query);
        while (tokens.skipWhitespace()) {
            if (clauses.size() == MAX_CLAUSES) {
                throw new BadSearchException("search.error.tooManyTerms", MAX_CLAUSES);
            }
            clauses.add(clause(tokens));
        }
        return List.copyOf(clauses);
    }

    private SearchClause clause(Tokens tokens) {
        boolean negated = tokens.consume('-');
        if (tokens.peek('"')) {
            String phrase = tokens.quoted();
            return new SearchClause.FreeText(checkedValue(phrase), true, negated);
        }
        String word = tokens.bare();
        int colon = word.indexOf(':');
        if (colon < 0) {
            return freeText(word, negated);
        }
        String field = word.substring(0, colon);
        String value = word.substring(colon + 1);
        boolean quoted = false;
        if (value.isEmpty() && tokens.peek('"')) {
            value = tokens.quoted();
            quoted = true;
        }
        if (field.isEmpty()) {
            throw new BadSearchException("search.error.emptyField", word);
        }
        if (value.isEmpty()) {
            throw new BadSearchException("search.error.emptyValue", field);
        }
        return fieldMatch(field, checkedValue(value), quoted, negated);
    }

    private SearchClause freeText(String word, boolean negated) {
        if (word.contains("*")) {
            throw new BadSearchException("search.error.wildcardFreeText", word);
        }
        if (word.isEmpty()) {
            throw new BadSearchException("search.error.emptyValue", "-");
        }
        return new SearchClause.FreeText(checkedValue(word), false, negated);
    }

    private SearchClause fieldMatch(String field, String value, boolean quoted, boolean negated) {
        if (!FIELD_NAME.matcher(field).matches()) {
            throw new BadSearchException("search.error.unknownField", field);
        }
        MappedType type = EXTRA_FIELDS.getOrDefault(field, EventMapping.fields().get(field));
        if (type == null) {
            throw new BadSearchException("search.error.unknownField", field);
        }
        boolean prefix = !quoted && value.endsWith("*");
        String bare = prefix ? value.substring(0, value.length() - 1) : value;
        if (!quoted && bare.contains("*")) {
            throw new BadSearchException("search.error.wildcardPosition", field + ":" + value);
        }
        if (prefix && (type != MappedType.KEYWORD || bare.isEmpty())) {
            throw new BadSearchException("search.error.prefixNotAllowed", field);
        }
        switch (type) {
            case STORED_ONLY -> throw new BadSearchException("search.error.notSearchable", field);
            case DATE -> throw new BadSearchException("search.error.useTimeRange", field);
            case LONG -> requireThat(isLong(bare), "search.error.notANumber", field, bare);
            case DOUBLE -> requireThat(isDouble(bare), "search.error.notANumber", field, bare);
            case BOOLEAN -> requireThat(bare.equals("true") || bare.equals("false"), "search.error.notABoolean", field, bare);
            case IP -> requireThat(IPV4.matcher(bare).matches() || (bare.contains(":") && IPV6.matcher(bare).matches()),
                    "search.error.notAnIp", field, bare);
            case KEYWORD, TEXT -> {
            }
        }
        return new SearchClause.FieldMatch(field, type, bare, prefix, negated);
    }

    private static String checkedValue(String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new BadSearchException("search.error.valueTooLong", MAX_VALUE_LENGTH);
        }
        return value;
    }

    private static void requireThat(boolean condition, String key, Object... arguments) {
        if (!condition) {
            throw new BadSearchException(key, arguments);
        }
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDouble(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value)) && !value.endsWith("d") && !value.endsWith("f")
                    && !value.endsWith("D") && !value.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A cursor over the query string. */
    private static final class Tokens {
        private final String text;
        private int position;

        Tokens(String text) {
            this.text = text;
        }

        boolean skipWhitespace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return position < text.length();
        }

        boolean peek(char c) {
            return position < text.length() && text.charAt(position) == c;
        }

        boolean consume(char c) {
            if (peek(c)) {
                position++;
                return true;
            }
            return false;
        }

        /** Up to whitespace or, right after a colon, an opening quote (which {@link #quoted} reads). */
        String bare() {
            int start = position;
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
                char c = text.charAt(position);
                if (c == '"') {
                    if (position > start && text.charAt(position - 1) == ':') {
                        break;
                    }
                    throw new BadSearchException("search.error.strayQuote", position + 1);
                }
                position++;
            }
            return text.substring(start, position);
        }

        String quoted() {
            int open = position;
            position++;
            int close = text.indexOf('"', position);
            if (close < 0) {
                throw new BadSearchException("search.error.unterminatedQuote", open + 1);
            }
            String value = text.substring(position, close);
            position = close + 1;
            if (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
                throw new BadSearchException("search.error.strayQuote", position);
            }
            if (value.isBlank()) {
                throw new BadSearchException("search.error.emptyPhrase", open + 1);
            }
            return value;
        }
    }
}
