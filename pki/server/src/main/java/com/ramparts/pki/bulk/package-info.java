/**
 * Bulk staff issuance (the phase-2 rollout): an RA officer uploads one zip with the staff CSV and a
 * CSR per staff member; {@link com.ramparts.pki.bulk.BulkUpload} reads it within zip-bomb limits,
 * {@link com.ramparts.pki.bulk.BulkValidation} checks every row with the RA's own staff import and
 * request checks (dry run), {@link com.ramparts.pki.bulk.BulkJobs} keeps the job and its rows in SQL,
 * a second officer approves, and {@link com.ramparts.pki.bulk.BulkIssuer} issues each row through
 * {@code IssuanceService.issue} in its own transaction, resuming after a restart.
 * May depend on {@code ra} (imports, request checks, staff, units), {@code issuance}, {@code csr},
 * {@code profile}, {@code audit}, {@code error}, {@code x509} and {@code config}.
 */
package com.ramparts.pki.bulk;
