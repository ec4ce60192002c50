-- Live posture state per site and per antivirus host, from telemetry.events (com.ramparts.soc.posture).
-- Every column is a "latest time" merged with greatest(): replaying a batch changes nothing.
create table posture_site (
    site_id             varchar(64) not null primary key,
    event_unit_id       varchar(64),                     -- the unit the events named (the site registry wins)
    firewall_last       timestamp with time zone,        -- last firewall log event
    antivirus_last      timestamp with time zone,        -- last event of any antivirus product
    backup_success_last timestamp with time zone,        -- last successful backup
    backup_failure_last timestamp with time zone,        -- last failed backup
    heartbeat_last      timestamp with time zone,        -- last agent heartbeat
    updated_at          timestamp with time zone not null
);

-- One row per host that antivirus events came from (host.name, else the agent's id).
create table posture_host (
    site_id          varchar(64)  not null,
    host             varchar(255) not null,
    seen_last        timestamp with time zone not null,  -- last antivirus event of the host
    signatures_at    timestamp with time zone,           -- newest signature publication/update known
    protection_at    timestamp with time zone,           -- event time of the last protection on/off change
    protection_on    boolean,                            -- that change's state; null: never reported
    primary key (site_id, host)
);

-- History: the computed posture every snapshot interval (bucket = interval start), per city, district and unit.
create table posture_snapshot (
    bucket_at      timestamp with time zone not null,
    scope          varchar(16) not null,                 -- city, district, unit
    scope_id       varchar(64) not null,                 -- '-' for the city
    units          integer not null,
    monitored      integer not null,
    firewall_pct   double precision,
    antivirus_pct  double precision,
    backup_pct     double precision,
    cert_pct       double precision,
    score          double precision,
    taken_at       timestamp with time zone not null,
    primary key (bucket_at, scope, scope_id)
);

create index ix_posture_snapshot_scope on posture_snapshot (scope, scope_id, bucket_at);
