package com.ramparts.soc.incident.api;

/** A request refused by the API layer itself (before incident management saw it). */
final class ApiException extends RuntimeException {

    private final String code;
    private final int status;

    ApiException(String code, int status, String message) {
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
