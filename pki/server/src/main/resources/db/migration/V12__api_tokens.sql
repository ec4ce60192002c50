-- API tokens for automation: only the SHA-256 of the secret is kept.
CREATE TABLE api_token (
    id            VARCHAR(36)  NOT NULL,
    token_sha256  VARCHAR(64)  NOT NULL,
    name          VARCHAR(128) NOT NULL,  -- the principal actions are attributed to
    role          VARCHAR(16)  NOT NULL,
    unit_code     VARCHAR(64),
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uq_api_token_hash UNIQUE (token_sha256),
    CONSTRAINT fk_api_token_unit FOREIGN KEY (unit_code) REFERENCES ra_unit (code),
    CONSTRAINT ck_api_token_role CHECK (role IN ('ADMIN', 'RA_OFFICER', 'REQUESTER')),
    CONSTRAINT ck_api_token_unit CHECK ((role = 'REQUESTER') = (unit_code IS NOT NULL))
);
