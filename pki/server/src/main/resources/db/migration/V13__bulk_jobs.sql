-- Bulk staff issuance jobs (CSV + zip of CSRs): progress counters clients poll.
CREATE TABLE ra_bulk_job (
    id           VARCHAR(36)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    dry_run      BOOLEAN       NOT NULL,
    total        INTEGER       NOT NULL,
    validated    INTEGER       NOT NULL,
    issued       INTEGER       NOT NULL,
    failed       INTEGER       NOT NULL,
    errors       VARCHAR(65535),          -- JSON array of the first problems found, for the report
    created_by   VARCHAR(128)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_ra_bulk_job PRIMARY KEY (id),
    CONSTRAINT ck_ra_bulk_job_status CHECK (status IN ('VALIDATING', 'INVALID', 'VALID', 'ISSUING', 'DONE', 'FAILED'))
);
