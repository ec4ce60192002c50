package com.ramparts.soc.posture.api;

import org.springframework.http.HttpStatus;

/** A refused posture request, with its stable code. */
final class PostureApiException extends RuntimeException {

    enum Code {
        INVALID_REQUEST(HttpStatus.BAD_REQUEST),
        NOT_FOUND(HttpStatus.NOT_FOUND),
        OUTSIDE_SCOPE(HttpStatus.FORBIDDEN);

        private final HttpStatus status;

        Code(HttpStatus status) {
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }

    private final Code code;

    PostureApiException(Code code, String message) {
        super(message);
        this.code = code;
    }

    Code code() {
        return code;
    }
}
