package com.ramparts.soc.incident;

import com.ramparts.soc.correlation.alert.AlertMessage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The incident tables (V30), in SQL that runs on H2 and PostgreSQL. Callers hold the transaction. */
final class IncidentStore {

    static final int DETAIL_ALERTS = 500;

    private static final String COLUMNS = "id, title, status, severity, site_id, unit_id, host, exercise_id, owner,"
            + " alert_count, suppressed_count, first_alert_at, last_alert_at, created_at, updated_at, acknowledged_at,"
            + " closed_at, version";

    private static final RowMapper<IncidentRow> ROW = (rs, n) -> new IncidentRow(rs.getLong(1), rs.getString(2),
            IncidentStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11), instant(rs.getObject(12, OffsetDateTime.class)),
            instant(rs.getObject(13, OffsetDateTime.class)), instant(rs.getObject(14, OffsetDateTime.class)),
            instant(rs.getObject(15, OffsetDateTime.class)), instant(rs.getObject(16, OffsetDateTime.class)),
            instant(rs.getObject(17, OffsetDateTime.class)), rs.getInt(18));

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean alertStored(String alertId) {
        return jdbc.sql("select count(*) from incident_alert where alert_id = ?").param(alertId)
                .query(Integer.class).single() > 0;
    }

    /** The open incident of this group whose alerts are within {@code window} of {@code at}, newest first. */
    Optional<IncidentRow> openFor(String groupKey, Instant at, Duration window) {
        return jdbc.sql("select " + COLUMNS + " from incident where group_key = ? and closed_at is null"
                        + " and last_alert_at >= ? and first_alert_at <= ? order by last_alert_at desc, id desc limit 1")
                .params(groupKey, odt(at.minus(window)), odt(at.plus(window)))
                .query(ROW).optional();
    }

    long create(String groupKey, AlertMessage alert, String host, Instant at, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into incident (group_key, title, status, severity, site_id, unit_id, host, exercise_id,"
                        + " alert_count, suppressed_count, first_alert_at, last_alert_at, created_at, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 0)")
                .params(groupKey, truncate(alert.title() == null || alert.title().isBlank() ? alert.ruleId() : alert.title(), 500),
                        IncidentStatus.NEW.name(), alert.severity(), alert.siteId(), alert.unitId(), host,
                        alert.exerciseId(), odt(at), odt(at), odt(now), odt(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class) != null ? keys.getKeyAs(Number.class).longValue()
                : ((Number) keys.getKeys().values().iterator().next()).longValue();
    }

    /** The incident that currently holds the group's open slot, if any. */
    Optional<Long> openGroupHolder(String groupKey) {
        return jdbc.sql("select incident_id from incident_open_group where group_key = ?").param(groupKey)
                .query(Long.class).optional();
    }

    /**
     * Claims the group's open slot for a new incident: inserts it when nobody held it, or moves it from the holder
     * this transaction saw. Throws {@link org.springframework.dao.DuplicateKeyException} (or a lock failure) when
     * another transaction inserted first; returns false when another transaction moved or freed it meanwhile.
     */
    boolean claimOpenGroup(String groupKey, Long seenHolder, long incidentId) {
        if (seenHolder == null) {
            return jdbc.sql("insert into incident_open_group (group_key, incident_id) values (?, ?)")
                    .params(groupKey, incidentId).update() == 1;
        }
        return jdbc.sql("update incident_open_group set incident_id = ? where group_key = ? and incident_id = ?")
                .params(incidentId, groupKey, seenHolder).update() == 1;
    }

    /** Frees the group's open slot if this (closing) incident holds it. */
    void releaseOpenGroup(long incidentId) {
        jdbc.sql("delete from incident_open_group where incident_id = ?").param(incidentId).update();
    }

    boolean ruleSeen(long incidentId, String ruleId) {
        return jdbc.sql("select count(*) from incident_alert where incident_id = ? and rule_id = ?")
                .params(incidentId, ruleId).query(Integer.class).single() > 0;
    }

    void insertAlert(long incidentId, AlertMessage alert, Instant windowStart, Instant windowEnd, Instant createdAt,
                     Instant now, String body) {
        jdbc.sql("insert into incident_alert (alert_id, incident_id, rule_id, rule_version, title, severity, techniques,"
                        + " site_id, unit_id, exercise_id, event_count, window_start, window_end, created_at, received_at, body)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(alert.id(), incidentId, truncate(alert.ruleId(), 200), truncate(alert.ruleVersion(), 64),
                        truncate(alert.title(), 500), alert.severity(), truncate(String.join(",", alert.techniques()), 1000),
                        alert.siteId(), alert.unitId(), alert.exerciseId(), alert.eventCount(), odt(windowStart),
                        odt(windowEnd), odt(createdAt), odt(now), body)
                .update();
    }

    /** Counts the alert on the incident: severity rises to the alert's, the time span widens. */
    void countAlert(long incidentId, int severity, Instant at, boolean repeat, Instant now) {
        jdbc.sql("update incident set alert_count = alert_count + 1, suppressed_count = suppressed_count + ?,"
                        + " severity = case when severity < ? then ? else severity end,"
                        + " first_alert_at = case when first_alert_at > ? then ? else first_alert_at end,"
                        + " last_alert_at = case when last_alert_at < ? then ? else last_alert_at end,"
                        + " updated_at = ?, version = version + 1 where id = ?")
                .params(repeat ? 1 : 0, severity, severity, odt(at), odt(at), odt(at), odt(at), odt(now), incidentId)
                .update();
    }

    Optional<IncidentRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from incident where id = ?").param(id).query(ROW).optional();
    }

    /** Writes the lifecycle fields if nobody changed the incident since {@code row} was read. */
    boolean update(IncidentRow row, IncidentStatus status, String owner, Instant acknowledgedAt, Instant closedAt, Instant now) {
        return jdbc.sql("update incident set status = ?, owner = ?, acknowledged_at = ?, closed_at = ?, updated_at = ?,"
                        + " version = version + 1 where id = ? and version = ?")
                .params(status.name(), owner, odt(acknowledgedAt), odt(closedAt), odt(now), row.id(), row.version())
                .update() == 1;
    }

    void history(long incidentId, Instant at, String actor, String action, IncidentStatus from, IncidentStatus to, String detail) {
        jdbc.sql("insert into incident_history (incident_id, at, actor, action, from_status, to_status, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(incidentId, odt(at), truncate(actor, 64), action, from == null ? null : from.wire(),
                        to == null ? null : to.wire(), detail)
                .update();
    }

    List<HistoryEntry> history(long incidentId) {
        return jdbc.sql("select at, actor, action, from_status, to_status, detail from incident_history"
                        + " where incident_id = ? order by id")
                .param(incidentId)
                .query((rs, n) -> new HistoryEntry(instant(rs.getObject(1, OffsetDateTime.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    List<IncidentAlert> alerts(long incidentId) {
        return jdbc.sql("select alert_id, rule_id, rule_version, title, severity, techniques, site_id, exercise_id,"
                        + " event_count, window_start, window_end, received_at from incident_alert where incident_id = ?"
                        + " order by received_at desc, alert_id limit " + DETAIL_ALERTS)
                .param(incidentId)
                .query((rs, n) -> new IncidentAlert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), techniques(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getInt(9),
                        instant(rs.getObject(10, OffsetDateTime.class)), instant(rs.getObject(11, OffsetDateTime.class)),
                        instant(rs.getObject(12, OffsetDateTime.class))))
                .list();
    }

    /** The distinct rules of an incident's alerts with their titles and techniques (bounded by the rule count). */
    List<IncidentDocument.RuleSeen> ruleSummary(long incidentId) {
        return jdbc.sql("select distinct rule_id, title, techniques from incident_alert where incident_id = ? order by rule_id")
                .param(incidentId)
                .query((rs, n) -> new IncidentDocument.RuleSeen(rs.getString(1), rs.getString(2), techniques(rs.getString(3))))
                .list();
    }

    List<Long> ids(long afterId, int limit) {
        return jdbc.sql("select id from incident where id > ? order by id limit ?").params(afterId, limit)
                .query(Long.class).list();
    }

    List<IncidentRow> list(IncidentFilter filter) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(filter.size());
        params.add((long) filter.page() * filter.size());
        return jdbc.sql("select " + COLUMNS + " from incident" + where.sql()
                        + " order by severity desc, last_alert_at desc, id desc limit ? offset ?")
                .params(params).query(ROW).list();
    }

    long count(IncidentFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from incident" + where.sql()).params(where.params()).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(IncidentFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status().name());
        }
        if (filter.severity() != null) {
            conditions.add("severity = ?");
            params.add(filter.severity());
        }
        if (filter.siteId() != null) {
            conditions.add("site_id = ?");
            params.add(filter.siteId());
        }
        if (filter.unitId() != null) {
            conditions.add("unit_id = ?");
            params.add(filter.unitId());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static List<String> techniques(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
