package com.ramparts.telemetry.json;

import java.util.Objects;
import java.util.Optional;

/**
 * A document that is not a valid telemetry event. {@link #getMessage()} is one bounded line,
 * {@code REASON field: detail}, meant for the dead-letter record; {@link #reason()} is meant for
 * counting.
 */
public final class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a document was refused. */
    public enum Reason {
        /** not JSON: a syntax error, or content after the event object */
        MALFORMED_JSON,
        /** the input ends before the event object is complete */
        TRUNCATED,
        /** bytes that are not UTF-8 */
        INVALID_UTF8,
        /** the document is empty, or its root is an array or a scalar */
        NOT_AN_OBJECT,
        /** a key given twice, literally or once nested and once dotted */
        DUPLICATE_KEY,
        /** more bytes than {@link TelemetryLimits#maxDocumentBytes()} */
        TOO_LARGE,
        /** nested deeper than {@link TelemetryLimits#maxDepth()} */
        TOO_DEEP,
        /** more fields than {@link TelemetryLimits#maxFields()} */
        TOO_MANY_FIELDS,
        /** a string longer than {@link TelemetryLimits#maxStringLength()} or {@link TelemetryLimits#maxOriginalLength()} */
        STRING_TOO_LONG,
        /** an array longer than {@link TelemetryLimits#maxArrayLength()} */
        ARRAY_TOO_LONG,
        /** {@code @timestamp} or a required {@code ramparts.*} field is absent */
        MISSING_FIELD,
        /** a value of the wrong JSON type, e.g. an object where a string is expected, or null */
        WRONG_TYPE,
        /** a number that does not fit: beyond a long or a double, or a negative sequence */
        OUT_OF_RANGE,
        /** an {@code @timestamp} that is not an ISO-8601 instant between years 1 and 9999 */
        INVALID_TIMESTAMP,
        /** a name or value that breaks a rule of the model: name syntax, reserved name, bad id, unknown kind */
        INVALID_FIELD
    }

    private static final int MAX_SHOWN = 300;

    private final Reason reason;
    private final String field;
    private final String detail;

    MalformedEventException(Reason reason, String field, String detail, Throwable cause) {
        // No stack trace: bad input is expected on these paths, and a flood of it must stay cheap.
        super(null, cause, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.field = field == null ? null : shorten(field, 120);
        this.detail = shorten(Objects.requireNonNull(detail), MAX_SHOWN);
    }

    MalformedEventException(Reason reason, String field, String detail) {
        this(reason, field, detail, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The dotted name of the offending field, when the problem is tied to one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        return field == null ? reason + ": " + detail : reason + " " + field + ": " + detail;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }
}
