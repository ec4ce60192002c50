-- One current open incident per group, enforced by the database: two soc instances that both see no open incident
-- for a group's first alert both try to claim the group here, the primary key lets one win, and the other joins the
-- winner's incident (docs/soc-incidents.md). H2 has no partial unique index, so this is a table of its own: a row is
-- written when an incident opens (or replaces an older open incident of the group whose window has passed) and
-- deleted when the incident it names closes, in the same transaction.
create table incident_open_group (
    group_key    varchar(600) not null primary key,
    incident_id  bigint       not null references incident (id)
);
create index incident_open_group_incident on incident_open_group (incident_id);

insert into incident_open_group (group_key, incident_id)
select group_key, max(id) from incident where closed_at is null group by group_key;
