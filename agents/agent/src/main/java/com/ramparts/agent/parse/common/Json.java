package com.ramparts.agent.parse.common;

import com.ramparts.agent.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Jackson streaming set up for untrusted product JSON, and typed value readers that name the field
 * and what was found. No data binding and no trees: the EVE path is measured.
 */
public final class Json {

    /** Deeper than any product document we read (EVE stats is about 6); a nesting bomb stops here. */
    public static final int MAX_DEPTH = 32;
    /** Longer than any long or double needs; bounds the work a hostile number can cause. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(BoundedParser.MAX_RECORD_CHARS)
                    .maxNameLength(1_024)
                    .maxDocumentLength(4L * BoundedParser.MAX_RECORD_CHARS)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private Json() {
    }

    public static JsonParser open(String text) {
        return FACTORY.createParser(ObjectReadContext.empty(), text);
    }

    /** A reason for a Jackson failure: what it said, and where. */
    public static ParseException failure(JacksonException e, boolean truncated) {
        if (truncated) {
            return new ParseException("the input truncated this JSON record, so it is incomplete ("
                    + describe(e) + ")");
        }
        if (e instanceof StreamConstraintsException) {
            return new ParseException("JSON beyond this parser's limits: " + describe(e));
        }
        return new ParseException("malformed JSON: " + describe(e));
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        message = Texts.shorten(newline < 0 ? message : message.substring(0, newline));
        TokenStreamLocation at = e.getLocation();
        return at == null || at.getCharOffset() < 0 ? message : message + " at character " + (at.getCharOffset() + 1);
    }

    /** The current value as a string: strings as they are, numbers and booleans as written; null for JSON null. */
    public static String text(JsonParser p, String field) throws ParseException {
        JsonToken token = p.currentToken();
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getString();
            case VALUE_NULL -> null;
            default -> throw wrong(field, "a string", p);
        };
    }

    /** The current value as a whole number; a numeric string such as {@code "200"} is accepted too. */
    public static long whole(JsonParser p, String field) throws ParseException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                throw new ParseException(field + ": " + Texts.shorten(p.getString()) + " is too large for a whole number");
            }
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            return Numbers.whole(field, p.getString());
        }
        throw wrong(field, "a whole number", p);
    }

    /** The current value as a port number, 0 to 65535. */
    public static long port(JsonParser p, String field) throws ParseException {
        long port = whole(p, field);
        if (port < 0 || port > 65_535) {
            throw new ParseException(field + ": " + port + " is not a port number (0-65535)");
        }
        return port;
    }

    /** The current value as a number; NaN and infinities are refused. */
    public static double number(JsonParser p, String field) throws ParseException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrong(field, "a number", p);
        }
        double value = p.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw new ParseException(field + ": " + Texts.shorten(p.getString()) + " is out of range for a number");
        }
        return value;
    }

    public static boolean bool(JsonParser p, String field) throws ParseException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        throw wrong(field, "true or false", p);
    }

    /** An array of scalars as strings (at most {@link Draft#MAX_LIST} kept); a single scalar becomes one element. */
    public static List<String> strings(JsonParser p, String field) throws ParseException {
        List<String> values = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            String one = text(p, field);
            if (one != null) {
                values.add(one);
            }
            return values;
        }
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                throw wrong(field, "an array of strings", p);
            }
            String value = text(p, field);
            if (value != null && values.size() < Draft.MAX_LIST) {
                values.add(value);
            }
        }
        return values;
    }

    /** Requires the current token to open an object. */
    public static void expectObject(JsonParser p, String field) throws ParseException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw wrong(field, "an object", p);
        }
    }

    /** Requires the current token to open an array. */
    public static void expectArray(JsonParser p, String field) throws ParseException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw wrong(field, "an array", p);
        }
    }

    /** One value of an object: its name, with the parser on the value's first token. */
    @FunctionalInterface
    public interface FieldHandler {
        void handle(String name, JsonParser p) throws ParseException;
    }

    /** Calls {@code handler} for each field of the object the parser is on; the handler must consume the value. */
    public static void fields(JsonParser p, String object, FieldHandler handler) throws ParseException {
        expectObject(p, object);
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            handler.handle(name, p);
        }
    }

    /** Skips the current value, whatever it is. */
    public static void skip(JsonParser p) {
        p.skipChildren();
    }

    /** Requires that nothing but whitespace follows the value just read. */
    public static void expectEnd(JsonParser p) throws ParseException {
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new ParseException("unexpected content after the JSON value: " + after.asString());
        }
    }

    public static ParseException wrong(String field, String expected, JsonParser p) {
        JsonToken token = p.currentToken();
        String found = token == null ? "nothing" : switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + Texts.shorten(p.getString()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + Texts.shorten(p.getString());
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
        return new ParseException(field + ": expected " + expected + ", found " + found);
    }
}
