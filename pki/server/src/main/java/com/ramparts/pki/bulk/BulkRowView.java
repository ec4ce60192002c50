package com.ramparts.pki.bulk;

import java.time.Instant;

/**
 * One staff member of a bulk job: where it stands and, when done, its certificate or why it failed.
 *
 * @param line the line of staff.csv (header = 1)
 * @param status PENDING, ISSUED or FAILED
 * @param errorCode the stable error code of a failed row (as the API's errors carry)
 */
public record BulkRowView(int line, String staffId, String unit, String status, String requestId, String serialNumber,
                          String errorCode, String error, Instant finishedAt) {
}
