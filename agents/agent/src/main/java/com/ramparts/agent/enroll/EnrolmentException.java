package com.ramparts.agent.enroll;

/** Enrolment or renewal did not work; the message says why and what to do. Nothing was stored. */
public final class EnrolmentException extends Exception {

    private static final long serialVersionUID = 1L;

    public EnrolmentException(String message) {
        super(message);
    }

    public EnrolmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
