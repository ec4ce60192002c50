-- CMP (RFC 4210 / RFC 9483) state (docs/pki-protocols.md, "CMP"). Plain SQL that H2 and PostgreSQL both run.

-- One-time enrolment secrets for MAC-protected initial requests (ir, cr, p10cr). The secret itself
-- must be kept to check a MAC (a hash cannot); it is spent by the first certificate it pays for and
-- stays readable only to check that transaction's certConf.
CREATE TABLE cmp_secret (
    reference           VARCHAR(64)   NOT NULL,  -- the senderKID the client sends (openssl cmp -ref)
    secret              VARCHAR(64)   NOT NULL,
    site_id             VARCHAR(63)   NOT NULL,  -- the certificate's CN must be this (as for EST tokens)
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(128)  NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at             TIMESTAMP WITH TIME ZONE,
    certificate_serial  VARCHAR(40),
    CONSTRAINT pk_cmp_secret PRIMARY KEY (reference)
);

-- Certificates issued and waiting for the client's certConf (RFC 4210 5.3.18), and what confirmed them.
CREATE TABLE cmp_transaction (
    transaction_id      VARCHAR(128)  NOT NULL,  -- hex of the CMP transactionID
    secret_reference    VARCHAR(64),             -- MAC-protected transaction: the secret that protected it
    signer_serial       VARCHAR(40),             -- signature-protected transaction: the certificate that signed it
    certificate_serial  VARCHAR(40)   NOT NULL,
    cert_req_id         INTEGER       NOT NULL,
    status              VARCHAR(16)   NOT NULL,  -- waiting, confirmed, rejected
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cmp_transaction PRIMARY KEY (transaction_id),
    CONSTRAINT ck_cmp_transaction_status CHECK (status IN ('waiting', 'confirmed', 'rejected'))
);
