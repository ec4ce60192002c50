-- One-time tokens that authorise an agent's first EST enrolment (docs/pki.md, "EST").
-- Only the SHA-256 of a token is kept: the token is shown once, to the administrator who made it.
CREATE TABLE enrolment_token (
    token_hash          VARCHAR(64)   NOT NULL,  -- lower-case hex SHA-256 of the token text
    site_id             VARCHAR(63)   NOT NULL,  -- the agent-tls certificate's CN must be this
    agent_id            VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(128)  NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at             TIMESTAMP WITH TIME ZONE,
    certificate_serial  VARCHAR(40),             -- what the token was spent on
    CONSTRAINT pk_enrolment_token PRIMARY KEY (token_hash)
);

CREATE INDEX ix_enrolment_token_site ON enrolment_token (site_id);
