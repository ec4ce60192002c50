package com.ramparts.detection.ioc;

/** A value that is not a valid indicator of its type; the message says why, for a problem report. */
public final class InvalidIndicatorException extends Exception {

    public InvalidIndicatorException(String message) {
        super(message, null, false, false);
    }
}
