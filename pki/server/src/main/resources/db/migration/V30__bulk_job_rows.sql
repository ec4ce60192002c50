-- Bulk staff issuance (docs/pki.md, "Bulk staff issuance"): what V13's job row lacked, and one row per staff member.
-- A row is issued in one transaction with its certificate, its ra_request and its audit entry, so a job
-- interrupted by a restart resumes at the first PENDING row and never issues a row twice.
ALTER TABLE ra_bulk_job ADD COLUMN profile VARCHAR(64);
ALTER TABLE ra_bulk_job ADD COLUMN ca_name VARCHAR(64);
ALTER TABLE ra_bulk_job ADD COLUMN upload_sha256 VARCHAR(64);
ALTER TABLE ra_bulk_job ADD COLUMN approvals_required INTEGER;
ALTER TABLE ra_bulk_job ADD COLUMN approved_by VARCHAR(128);
ALTER TABLE ra_bulk_job ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE ra_bulk_row (
    job_id              VARCHAR(36)   NOT NULL,
    line                INTEGER       NOT NULL,  -- the staff CSV line (header = 1), as the dry run reported it
    staff_id            VARCHAR(64)   NOT NULL,
    unit_code           VARCHAR(64)   NOT NULL,
    csr                 BYTEA         NOT NULL,
    public_key_sha256   VARCHAR(64)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    request_id          VARCHAR(36),
    certificate_serial  VARCHAR(40),
    error_code          VARCHAR(64),
    error_message       VARCHAR(1024),
    finished_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_ra_bulk_row PRIMARY KEY (job_id, line),
    CONSTRAINT fk_ra_bulk_row_job FOREIGN KEY (job_id) REFERENCES ra_bulk_job (id),
    CONSTRAINT fk_ra_bulk_row_certificate FOREIGN KEY (certificate_serial) REFERENCES certificate (serial_number),
    CONSTRAINT ck_ra_bulk_row_status CHECK (status IN ('PENDING', 'ISSUED', 'FAILED')),
    CONSTRAINT ck_ra_bulk_row_issued CHECK ((status = 'ISSUED') = (certificate_serial IS NOT NULL))
);
-- the workers' "next pending rows" and the progress counts
CREATE INDEX ix_ra_bulk_row_status ON ra_bulk_row (job_id, status, line);
CREATE UNIQUE INDEX ux_ra_bulk_row_staff ON ra_bulk_row (job_id, staff_id);
