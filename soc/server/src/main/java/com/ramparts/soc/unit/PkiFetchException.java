package com.ramparts.soc.unit;

/** pki could not be read, or answered something soc will not take; the sync changes nothing. */
public class PkiFetchException extends Exception {

    public PkiFetchException(String message) {
        super(message);
    }

    public PkiFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
