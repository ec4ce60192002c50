-- Sites an analyst has marked isolated from an incident (a response action); the row goes when the site is released.
-- No foreign key to site: re-registering a site (SiteRegistry.save deletes and inserts) must not release it.
create table site_isolation (
    site_id      varchar(64)  not null primary key,
    incident_id  bigint       not null,
    isolated_by  varchar(64)  not null,
    isolated_at  timestamp with time zone not null,
    reason       varchar(2000)
);
