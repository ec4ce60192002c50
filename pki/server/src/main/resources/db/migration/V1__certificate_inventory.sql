-- Every certificate the online CAs issued, with its revocation state.
-- Portable between H2 and PostgreSQL: no vendor types beyond BYTEA (both accept it).
CREATE TABLE certificate (
    serial_number      VARCHAR(40)   NOT NULL,  -- lower-case hex, no leading zeros; unique across all CAs
    ca_name            VARCHAR(64)   NOT NULL,
    profile            VARCHAR(64)   NOT NULL,
    subject            VARCHAR(2048) NOT NULL,  -- RFC 4514 text, for display and search
    not_before         TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after          TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revocation_reason  SMALLINT,
    revoked_by         VARCHAR(128),
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by       VARCHAR(128)  NOT NULL,
    public_key_sha256  VARCHAR(64)   NOT NULL,
    der                BYTEA         NOT NULL,
    CONSTRAINT pk_certificate PRIMARY KEY (serial_number),
    CONSTRAINT ck_certificate_status CHECK (status IN ('VALID', 'REVOKED', 'ON_HOLD')),
    CONSTRAINT ck_certificate_revocation CHECK ((status = 'VALID') = (revoked_at IS NULL))
);

-- CRL generation walks the revoked certificates of one CA
CREATE INDEX ix_certificate_ca_status ON certificate (ca_name, status);
-- expiry tracking
CREATE INDEX ix_certificate_not_after ON certificate (not_after);

-- The last CRL number each CA used (RFC 5280 5.2.3: monotonically increasing), shared by all instances.
CREATE TABLE crl_number (
    ca_name      VARCHAR(64) NOT NULL,
    last_number  BIGINT      NOT NULL,
    CONSTRAINT pk_crl_number PRIMARY KEY (ca_name)
);
