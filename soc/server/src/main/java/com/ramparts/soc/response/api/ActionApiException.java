package com.ramparts.soc.response.api;

/** A request refused by the API layer itself, before response actions saw it. */
final class ActionApiException extends RuntimeException {

    private final String code;
    private final int status;

    ActionApiException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
