package com.ramparts.soc.incident;

/** A request on incidents that was refused; nothing was changed. The code is part of the API. */
public class IncidentException extends RuntimeException {

    public enum Code {
        INCIDENT_NOT_FOUND(404), ILLEGAL_TRANSITION(409), CONCURRENT_UPDATE(409), INVALID_REQUEST(400),
        UNKNOWN_OWNER(400), NOTE_TOO_LONG(400), SEARCH_UNAVAILABLE(503);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Code code;

    public IncidentException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
