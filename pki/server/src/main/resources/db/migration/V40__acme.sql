-- ACME (RFC 8555) state (docs/pki-protocols.md, "ACME"). Plain SQL that H2 and PostgreSQL both run.

-- Replay nonces: a row exists while the nonce is unused and unexpired; using it deletes it, so a
-- nonce is good once across every instance that shares the database.
CREATE TABLE acme_nonce (
    nonce       VARCHAR(32)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_acme_nonce PRIMARY KEY (nonce)
);
CREATE INDEX ix_acme_nonce_expires ON acme_nonce (expires_at);

-- External account binding keys (RFC 8555 7.3.4): one key binds one new account to one unit.
-- The MAC key itself must be kept to check the binding; it is wiped when the key is used.
CREATE TABLE acme_eab_key (
    key_id      VARCHAR(32)   NOT NULL,
    hmac_key    VARCHAR(64),                -- base64url of 32 random bytes; NULL once used
    unit_code   VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(128)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    account_id  VARCHAR(32),
    CONSTRAINT pk_acme_eab_key PRIMARY KEY (key_id),
    CONSTRAINT fk_acme_eab_key_unit FOREIGN KEY (unit_code) REFERENCES ra_unit (code)
);

CREATE TABLE acme_account (
    id              VARCHAR(32)    NOT NULL,
    key_thumbprint  VARCHAR(64)    NOT NULL,  -- RFC 7638 SHA-256 thumbprint of the account key, base64url
    jwk             VARCHAR(4096)  NOT NULL,  -- the public key as the client sent it (JSON)
    status          VARCHAR(16)    NOT NULL,  -- valid, deactivated
    contact         VARCHAR(1024),            -- space-separated mailto: URLs
    unit_code       VARCHAR(64),              -- the unit its external account binding named; NULL when unbound
    eab_key_id      VARCHAR(32),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_acme_account PRIMARY KEY (id),
    CONSTRAINT uq_acme_account_key UNIQUE (key_thumbprint),
    CONSTRAINT ck_acme_account_status CHECK (status IN ('valid', 'deactivated'))
);

CREATE TABLE acme_order (
    id                  VARCHAR(32)    NOT NULL,
    account_id          VARCHAR(32)    NOT NULL,
    status              VARCHAR(16)    NOT NULL,  -- pending, ready, processing, valid, invalid
    identifiers         VARCHAR(30000) NOT NULL,  -- space-separated "dns:name" in request order (100 names of 253 fit)
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    certificate_serial  VARCHAR(40),              -- lower-case hex, once issued
    error               VARCHAR(1024),
    CONSTRAINT pk_acme_order PRIMARY KEY (id),
    CONSTRAINT fk_acme_order_account FOREIGN KEY (account_id) REFERENCES acme_account (id),
    CONSTRAINT ck_acme_order_status CHECK (status IN ('pending', 'ready', 'processing', 'valid', 'invalid'))
);
CREATE INDEX ix_acme_order_account ON acme_order (account_id);
CREATE INDEX ix_acme_order_certificate ON acme_order (certificate_serial);

-- One authorization per identifier of an order, each with one http-01 challenge (same id).
CREATE TABLE acme_authorization (
    id                  VARCHAR(32)   NOT NULL,
    order_id            VARCHAR(32)   NOT NULL,
    identifier_type     VARCHAR(8)    NOT NULL,
    identifier_value    VARCHAR(253)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,  -- pending, valid, invalid, deactivated
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    challenge_token     VARCHAR(64)   NOT NULL,
    challenge_status    VARCHAR(16)   NOT NULL,  -- pending, processing, valid, invalid
    challenge_validated TIMESTAMP WITH TIME ZONE,
    challenge_error     VARCHAR(1024),
    CONSTRAINT pk_acme_authorization PRIMARY KEY (id),
    CONSTRAINT fk_acme_authorization_order FOREIGN KEY (order_id) REFERENCES acme_order (id),
    CONSTRAINT ck_acme_authorization_status CHECK (status IN ('pending', 'valid', 'invalid', 'deactivated')),
    CONSTRAINT ck_acme_challenge_status CHECK (challenge_status IN ('pending', 'processing', 'valid', 'invalid'))
);
CREATE INDEX ix_acme_authorization_order ON acme_authorization (order_id);
