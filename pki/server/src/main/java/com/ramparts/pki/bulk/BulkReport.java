package com.ramparts.pki.bulk;

import com.ramparts.pki.ra.imports.RowError;

import java.util.List;

/**
 * The answer to an upload: for a dry run or a refused upload every problem (nothing was written);
 * otherwise the job that was created.
 *
 * @param rows the staff rows in staff.csv
 * @param ready rows that passed every check
 * @param job the created job, or null for a dry run or a refused upload
 */
public record BulkReport(boolean dryRun, int rows, int ready, List<RowError> errors, BulkJobView job) {

    public BulkReport {
        errors = List.copyOf(errors);
    }
}
