package com.ramparts.pki.ra.request;

import java.time.Instant;
import java.util.List;

/**
 * A request as the API shows it.
 *
 * @param status SUBMITTED, ISSUED or REJECTED
 * @param renewalOf the serial of the certificate this renews, or null
 * @param rekey for renewals: whether the key changed
 * @param certificatePem the issued certificate, when issued
 */
public record RequestView(String id, String unit, String staffId, String profile, String ca, String status, int approvalsRequired,
                          List<Approval> approvals, String renewalOf, Boolean rekey, String submittedBy, String submittedFrom,
                          Instant submittedAt, String decidedBy, Instant decidedAt, String rejectionReason, String certificateSerial,
                          String certificatePem) {

    public record Approval(String officer, String from, Instant at) {
    }
}
