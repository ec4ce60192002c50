-- The site registry soc owns: which sites exist, the unit each belongs to, what they should send, whom to call.
create table site (
    site_id    varchar(64)  not null primary key,
    unit_id    varchar(64)  not null,
    name       varchar(200) not null,
    updated_at timestamp with time zone not null
);

-- The event.dataset values a site is expected to send (e.g. suricata.eve, clamav.scan, restic.backup).
create table site_expected_source (
    site_id varchar(64) not null references site (site_id) on delete cascade,
    dataset varchar(128) not null,
    primary key (site_id, dataset)
);

create table site_contact (
    site_id  varchar(64)  not null references site (site_id) on delete cascade,
    position integer      not null,
    name     varchar(200) not null,
    email    varchar(320),
    phone    varchar(40),
    primary key (site_id, position)
);
