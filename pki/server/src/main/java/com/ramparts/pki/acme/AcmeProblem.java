package com.ramparts.pki.acme;

/**
 * A refusal as an RFC 7807 problem document with an ACME error type (RFC 8555 6.7), e.g.
 * {@code urn:ietf:params:acme:error:badNonce}, and the HTTP status it is sent with.
 */
final class AcmeProblem extends RuntimeException {

    static final String PREFIX = "urn:ietf:params:acme:error:";

    private final String type;
    private final int status;

    AcmeProblem(String type, int status, String detail) {
        super(detail);
        this.type = type;
        this.status = status;
    }

    /** The full type URN. */
    String type() {
        return PREFIX + type;
    }

    int status() {
        return status;
    }

    static AcmeProblem malformed(String detail) {
        return new AcmeProblem("malformed", 400, detail);
    }

    static AcmeProblem malformed(int status, String detail) {
        return new AcmeProblem("malformed", status, detail);
    }

    static AcmeProblem unauthorized(String detail) {
        return new AcmeProblem("unauthorized", 403, detail);
    }

    static AcmeProblem badNonce(String detail) {
        return new AcmeProblem("badNonce", 400, detail);
    }

    static AcmeProblem badSignatureAlgorithm(String detail) {
        return new AcmeProblem("badSignatureAlgorithm", 400, detail);
    }

    static AcmeProblem accountDoesNotExist(String detail) {
        return new AcmeProblem("accountDoesNotExist", 400, detail);
    }

    static AcmeProblem externalAccountRequired(String detail) {
        return new AcmeProblem("externalAccountRequired", 400, detail);
    }

    static AcmeProblem rejectedIdentifier(String detail) {
        return new AcmeProblem("rejectedIdentifier", 400, detail);
    }

    static AcmeProblem unsupportedIdentifier(String detail) {
        return new AcmeProblem("unsupportedIdentifier", 400, detail);
    }

    static AcmeProblem orderNotReady(String detail) {
        return new AcmeProblem("orderNotReady", 403, detail);
    }

    static AcmeProblem badCsr(String detail) {
        return new AcmeProblem("badCSR", 400, detail);
    }

    static AcmeProblem alreadyRevoked(String detail) {
        return new AcmeProblem("alreadyRevoked", 400, detail);
    }

    static AcmeProblem badRevocationReason(String detail) {
        return new AcmeProblem("badRevocationReason", 400, detail);
    }

    static AcmeProblem notFound(String what) {
        return new AcmeProblem("malformed", 404, what + " does not exist");
    }

    static AcmeProblem serverInternal(String detail) {
        return new AcmeProblem("serverInternal", 500, detail);
    }

    static AcmeProblem unavailable(String detail) {
        return new AcmeProblem("serverInternal", 503, detail);
    }
}
