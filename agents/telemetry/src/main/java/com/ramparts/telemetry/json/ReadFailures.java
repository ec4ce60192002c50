package com.ramparts.telemetry.json;

import com.ramparts.telemetry.event.InvalidEventException;
import com.ramparts.telemetry.json.MalformedEventException.Reason;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/** Turns what the parser and the model throw into {@link MalformedEventException} reasons. */
final class ReadFailures {

    private ReadFailures() {
    }

    static MalformedEventException of(InvalidEventException e) {
        Reason reason = switch (e.rule()) {
            case DUPLICATE -> Reason.DUPLICATE_KEY;
            case TYPE -> Reason.WRONG_TYPE;
            case RANGE -> Reason.OUT_OF_RANGE;
            case REQUIRED -> Reason.MISSING_FIELD;
            case NAME, RESERVED, CONFLICT, VALUE -> Reason.INVALID_FIELD;
        };
        return new MalformedEventException(reason, e.field(), e.detail(), e);
    }

    /**
     * Jackson reports most problems as one exception type with different messages; the few we tell
     * apart by message are pinned by tests, so a Jackson upgrade that rewords them fails the build.
     *
     * @param parser the parser that failed, still open, or null when it failed to open or close
     * @throws UncheckedIOException when reading the stream itself failed: that is no fault of the document
     */
    static MalformedEventException of(JacksonException e, JsonParser parser) {
        if (e instanceof JacksonIOException io) {
            if (io.getCause() instanceof BoundedInputStream.LimitExceeded tooLarge) {
                return new MalformedEventException(Reason.TOO_LARGE, null, tooLarge.getMessage(), e);
            }
            throw new UncheckedIOException(io.getCause());
        }
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String at = parser == null ? null : path(parser.streamReadContext());
        if (e instanceof UnexpectedEndOfInputException || message.startsWith("Unexpected end-of-input")) {
            return new MalformedEventException(Reason.TRUNCATED, null,
                    "the input ends before the event object is complete" + where(e), e);
        }
        if (e instanceof StreamConstraintsException) {
            return new MalformedEventException(constraintReason(message), at, message, e);
        }
        if (message.startsWith("Invalid UTF-8")) {
            return new MalformedEventException(Reason.INVALID_UTF8, at, message + where(e), e);
        }
        if (message.startsWith("Duplicate Object property")) {
            return new MalformedEventException(Reason.DUPLICATE_KEY, null, message + where(e), e);
        }
        return new MalformedEventException(Reason.MALFORMED_JSON, at, message + where(e), e);
    }

    /**
     * The dotted name of the field the parser is in. Jackson reads a value together with its name, so
     * this is right even when the value itself is what failed.
     */
    private static String path(TokenStreamContext context) {
        List<String> names = new ArrayList<>();
        for (TokenStreamContext c = context; c != null; c = c.getParent()) {
            if (c.inObject() && c.currentName() != null) {
                names.add(c.currentName());
            }
        }
        return names.isEmpty() ? null : String.join(".", names.reversed());
    }

    private static Reason constraintReason(String message) {
        if (message.startsWith("Document nesting depth")) {
            return Reason.TOO_DEEP;
        }
        if (message.startsWith("Number value length")) {
            return Reason.OUT_OF_RANGE;
        }
        if (message.startsWith("String value length") || message.startsWith("Name length")) {
            return Reason.STRING_TOO_LONG;
        }
        return Reason.TOO_LARGE;
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getByteOffset() < 0 ? "" : " (at byte " + location.getByteOffset() + ")";
    }
}
