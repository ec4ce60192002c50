-- soc's copy of pki's unit registry (pki owns it: ra_unit), with each unit's signing-certificate state from pki's
-- certificate inventory. Written only by the unit sync (com.ramparts.soc.unit), after a complete fetch.
create table soc_unit (
    unit_id        varchar(64)  not null primary key,
    name_vi        varchar(256) not null,
    name_en        varchar(256),
    parent_id      varchar(64),
    district_id    varchar(64)  not null,
    contact_email  varchar(320),
    cert_state     varchar(16)  not null,
    cert_serial    varchar(40),
    cert_not_after timestamp with time zone,
    synced_at      timestamp with time zone not null
);

create index ix_soc_unit_district on soc_unit (district_id);
