-- Pre-signed OCSP responses (RFC 5019 lightweight profile): one per unexpired certificate, made ahead of time,
-- served to requests for one certificate without a nonce. A response is served only while the status and
-- revocation time it was signed for are still the certificate's, so a revocation never meets a stale "good".
CREATE TABLE ocsp_response (
    serial_number  VARCHAR(40)  NOT NULL,
    ca_name        VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    next_update    TIMESTAMP WITH TIME ZONE NOT NULL,
    der            BYTEA        NOT NULL,
    CONSTRAINT pk_ocsp_response PRIMARY KEY (serial_number)
);
CREATE INDEX ix_ocsp_response_next_update ON ocsp_response (ca_name, next_update);
