package com.ramparts.soc.web.events;

import java.util.Arrays;

/**
 * A search the dashboard refuses, before anything is sent to OpenSearch. The message key and
 * arguments name the rule broken, in the viewer's language; {@link #getMessage()} is the key.
 */
public class BadSearchException extends RuntimeException {

    private final transient Object[] arguments;

    BadSearchException(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
