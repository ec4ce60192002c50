package com.ramparts.pki.est;

/** An EST request refused with an HTTP status and a one-line reason (RFC 7030 4.2.3: a plain-text body). */
final class EstRefusal extends RuntimeException {

    private final int status;

    EstRefusal(int status, String reason) {
        super(reason);
        this.status = status;
    }

    int status() {
        return status;
    }
}
