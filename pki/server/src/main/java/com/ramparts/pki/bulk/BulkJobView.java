package com.ramparts.pki.bulk;

import java.time.Instant;

/**
 * A bulk job and its progress.
 *
 * @param status VALID (checked, awaiting a second officer's approval), ISSUING or DONE
 * @param pending rows not yet issued; issued + failed + pending = total
 */
public record BulkJobView(String id, String status, String profile, String ca, int total, int pending, int issued, int failed,
                          String createdBy, Instant createdAt, int approvalsRequired, String approvedBy, Instant approvedAt,
                          Instant finishedAt) {
}
