package com.ramparts.pki.error;

import java.util.Arrays;
import java.util.Locale;

/**
 * A refusal with a stable {@link PkiError} code, the field it is about (null when it is about the
 * whole request) and the arguments of its message. {@link #getMessage()} is the English sentence;
 * {@link #message(Locale)} gives it in another language.
 */
public final class PkiException extends RuntimeException {

    private final PkiError error;
    private final String field;
    private final transient Object[] arguments;

    public PkiException(PkiError error, String field, Object... arguments) {
        this(error, field, null, arguments);
    }

    public PkiException(PkiError error, String field, Throwable cause, Object... arguments) {
        super(Messages.format(error, Locale.ENGLISH, arguments), cause);
        this.error = error;
        this.field = field;
        this.arguments = arguments.clone();
    }

    public PkiError error() {
        return error;
    }

    /** The request field the error is about, e.g. {@code subject.CN} or {@code csr}; may be null. */
    public String field() {
        return field;
    }

    public String message(Locale locale) {
        return Messages.format(error, locale, arguments);
    }

    @Override
    public String toString() {
        return "PkiException[" + error.code() + (field == null ? "" : ", field=" + field) + ": " + getMessage()
                + " " + Arrays.toString(arguments) + "]";
    }
}
