-- Every revocation, hold and release, by CA and time: what a delta CRL (RFC 5280 5.2.4) lists since its base.
-- Written in the revoking transaction; rows older than any base CRL still served are deleted when a full CRL is made.
CREATE TABLE crl_change (
    ca_name        VARCHAR(64)  NOT NULL,
    serial_number  VARCHAR(40)  NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_crl_change_ca_time ON crl_change (ca_name, changed_at);
