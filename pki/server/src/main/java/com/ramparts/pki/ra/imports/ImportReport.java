package com.ramparts.pki.ra.imports;

import java.util.List;

/**
 * What an import found and did.
 *
 * @param imported false for a dry run and whenever any row is bad (then nothing was written)
 * @param rows data rows read (the header excluded)
 */
public record ImportReport(boolean dryRun, boolean imported, int rows, int inserted, int updated, int unchanged, List<RowError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }
}
