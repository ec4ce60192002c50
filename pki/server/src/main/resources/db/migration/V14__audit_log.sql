-- The append-only, hash-chained audit log (docs/pki.md "Audit log").
CREATE TABLE audit_entry (
    seq          BIGINT        NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,  -- millisecond precision, part of the hash
    actor        VARCHAR(128)  NOT NULL,
    source       VARCHAR(64)   NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    target       VARCHAR(256)  NOT NULL,
    details      VARCHAR(8192) NOT NULL,             -- JSON object, stored exactly as hashed
    prev_hash    VARCHAR(64)   NOT NULL,
    hash         VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (seq)
);

-- The single lock row every append takes FOR UPDATE: two appends never see the same head.
CREATE TABLE audit_head (
    id         INTEGER     NOT NULL,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id),
    CONSTRAINT ck_audit_head_single CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed checkpoints: a CA signature over (seq, hash) of an entry.
CREATE TABLE audit_checkpoint (
    seq          BIGINT        NOT NULL,
    hash         VARCHAR(64)   NOT NULL,
    signed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ca_name      VARCHAR(64)   NOT NULL,
    algorithm    BYTEA         NOT NULL,  -- DER AlgorithmIdentifier of the signature
    signature    BYTEA         NOT NULL,
    certificate  BYTEA         NOT NULL,
    CONSTRAINT pk_audit_checkpoint PRIMARY KEY (seq)
);

-- The Kafka outbox cursor: entries up to last_seq are on topic pki.audit.
CREATE TABLE audit_outbox (
    id        INTEGER NOT NULL,
    last_seq  BIGINT  NOT NULL,
    CONSTRAINT pk_audit_outbox PRIMARY KEY (id)
);
INSERT INTO audit_outbox (id, last_seq) VALUES (1, 0);
