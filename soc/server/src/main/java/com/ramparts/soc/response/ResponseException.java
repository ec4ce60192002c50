package com.ramparts.soc.response;

/** A response action that was refused (nothing changed) or failed (recorded as failed). The code is part of the API. */
public class ResponseException extends RuntimeException {

    public enum Code {
        UNKNOWN_ACTION(400), CONFIRMATION_REQUIRED(400), INVALID_SERIAL(400), INVALID_REASON(400), INVALID_REQUEST(400),
        INVALID_REQUEST_KEY(400), MESSAGE_TOO_LONG(400), BODY_TOO_LARGE(413),
        INCIDENT_NOT_FOUND(404), INCIDENT_CLOSED(409), NO_SITE(409), SITE_NOT_REGISTERED(409), SITE_ALREADY_ISOLATED(409),
        SITE_NOT_ISOLATED(409), NO_CONTACT(409), ACTION_IN_PROGRESS(409),
        CERTIFICATE_NOT_FOUND(404), CERTIFICATE_ALREADY_REVOKED(409), PKI_REFUSED(502), PKI_UNAVAILABLE(503),
        PKI_NOT_CONFIGURED(503), MAIL_NOT_CONFIGURED(503), MAIL_FAILED(502);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Code code;

    public ResponseException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ResponseException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
