package com.ramparts.agent.parse;

/**
 * A record a parser cannot turn into an event. The pipeline keeps the record as a
 * {@code pipeline_error} event carrying the original and this reason.
 */
public final class ParseException extends Exception {

    public ParseException(String reason) {
        super(reason, null, false, false); // floods of bad lines must stay cheap: no stack trace
    }

    public String reason() {
        return getMessage();
    }
}
