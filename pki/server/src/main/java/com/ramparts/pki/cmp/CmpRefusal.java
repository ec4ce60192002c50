package com.ramparts.pki.cmp;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;

/**
 * A CMP request refused: answered with an error message (RFC 4210 5.3.21) carrying the failure bit
 * and the reason, MAC- or signature-protected when the request's protection had checked out.
 *
 * @param failInfo a {@link PKIFailureInfo} bit, e.g. {@link PKIFailureInfo#badMessageCheck}
 * @param httpStatus 200 for CMP-level refusals; 400, 413 or 415 when the HTTP body itself is unusable
 */
final class CmpRefusal extends RuntimeException {

    private final int failInfo;
    private final int httpStatus;

    CmpRefusal(int failInfo, String reason) {
        this(failInfo, reason, 200);
    }

    CmpRefusal(int failInfo, String reason, int httpStatus) {
        super(reason);
        this.failInfo = failInfo;
        this.httpStatus = httpStatus;
    }

    int failInfo() {
        return failInfo;
    }

    int httpStatus() {
        return httpStatus;
    }

    static CmpRefusal badMessageCheck(String reason) {
        return new CmpRefusal(PKIFailureInfo.badMessageCheck, reason);
    }

    static CmpRefusal badRequest(String reason) {
        return new CmpRefusal(PKIFailureInfo.badRequest, reason);
    }

    static CmpRefusal notAuthorized(String reason) {
        return new CmpRefusal(PKIFailureInfo.notAuthorized, reason);
    }
}
