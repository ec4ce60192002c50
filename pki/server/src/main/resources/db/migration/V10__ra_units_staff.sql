-- Registration authority records: the city's units (a tree) and their staff.
CREATE TABLE ra_unit (
    code             VARCHAR(64)   NOT NULL,  -- also the organizationIdentifier of the unit's seal
    name             VARCHAR(256)  NOT NULL,  -- Unicode NFC
    parent_code      VARCHAR(64),
    allowed_domains  VARCHAR(2048) NOT NULL,  -- space-separated DNS suffixes its server-tls names may use; empty for none
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ra_unit PRIMARY KEY (code),
    CONSTRAINT fk_ra_unit_parent FOREIGN KEY (parent_code) REFERENCES ra_unit (code)
);

CREATE TABLE ra_staff (
    staff_id     VARCHAR(64)  NOT NULL,
    citizen_id   VARCHAR(12)  NOT NULL,
    full_name    VARCHAR(64)  NOT NULL,  -- Unicode NFC; becomes the certificate's CN
    unit_code    VARCHAR(64)  NOT NULL,
    email        VARCHAR(254) NOT NULL,
    title        VARCHAR(64),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ra_staff PRIMARY KEY (staff_id),
    CONSTRAINT uq_ra_staff_citizen UNIQUE (citizen_id),
    CONSTRAINT fk_ra_staff_unit FOREIGN KEY (unit_code) REFERENCES ra_unit (code)
);
CREATE INDEX ix_ra_staff_unit ON ra_staff (unit_code);
