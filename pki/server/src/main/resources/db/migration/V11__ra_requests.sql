-- Certificate requests and their approvals. A request belongs to one unit; requesters see only theirs.
CREATE TABLE ra_request (
    id                  VARCHAR(36)   NOT NULL,
    unit_code           VARCHAR(64)   NOT NULL,
    staff_id            VARCHAR(64),
    profile             VARCHAR(64)   NOT NULL,
    ca_name             VARCHAR(64),
    csr                 BYTEA         NOT NULL,
    public_key_sha256   VARCHAR(64)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    approvals_required  INTEGER       NOT NULL,
    renewal_of          VARCHAR(40),             -- serial of the certificate this request renews
    submitted_by        VARCHAR(128)  NOT NULL,
    submitted_from      VARCHAR(64),
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by          VARCHAR(128),
    decided_at          TIMESTAMP WITH TIME ZONE,
    rejection_reason    VARCHAR(1024),
    certificate_serial  VARCHAR(40),
    bulk_job_id         VARCHAR(36),
    CONSTRAINT pk_ra_request PRIMARY KEY (id),
    CONSTRAINT fk_ra_request_unit FOREIGN KEY (unit_code) REFERENCES ra_unit (code),
    CONSTRAINT fk_ra_request_certificate FOREIGN KEY (certificate_serial) REFERENCES certificate (serial_number),
    CONSTRAINT ck_ra_request_status CHECK (status IN ('SUBMITTED', 'ISSUED', 'REJECTED'))
);
CREATE INDEX ix_ra_request_unit_status ON ra_request (unit_code, status);
CREATE UNIQUE INDEX ix_ra_request_certificate ON ra_request (certificate_serial);

-- One row per officer and request: the primary key is what makes a second approval by the same officer impossible.
CREATE TABLE ra_approval (
    request_id     VARCHAR(36)  NOT NULL,
    officer        VARCHAR(128) NOT NULL,
    approved_from  VARCHAR(64),
    approved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ra_approval PRIMARY KEY (request_id, officer),
    CONSTRAINT fk_ra_approval_request FOREIGN KEY (request_id) REFERENCES ra_request (id)
);
