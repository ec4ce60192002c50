package com.ramparts.soc.response;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code incident_response_action} table (V51), in SQL that H2 and PostgreSQL both run. Callers hold the transaction. */
final class ResponseActionStore {

    private static final String COLUMNS = "id, incident_id, action, target, detail, actor, requested_at, completed_at, outcome,"
            + " error_code, error, attempts";

    private static final RowMapper<ActionRecord> ROW = (rs, n) -> new ActionRecord(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getObject(7, OffsetDateTime.class)),
            instant(rs.getObject(8, OffsetDateTime.class)), ActionRecord.Outcome.valueOf(rs.getString(9)), rs.getString(10),
            rs.getString(11), rs.getInt(12), false);

    private final JdbcClient jdbc;

    ResponseActionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a pending action; the (incident, request key) constraint throws DuplicateKeyException for a repeat. */
    long insertPending(long incidentId, String requestKey, ResponseAction action, String target, String detail, String actor,
                       Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into incident_response_action (incident_id, request_key, action, target, detail, actor, requested_at,"
                        + " outcome, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, 1)")
                .params(incidentId, requestKey, action.wire(), target, truncate(detail, 2000), truncate(actor, 64), odt(now),
                        ActionRecord.Outcome.PENDING.name())
                .update(keys, "id");
        return keys.getKeyAs(Number.class) != null ? keys.getKeyAs(Number.class).longValue()
                : ((Number) keys.getKeys().values().iterator().next()).longValue();
    }

    Optional<ActionRecord> find(long incidentId, String requestKey) {
        return jdbc.sql("select " + COLUMNS + " from incident_response_action where incident_id = ? and request_key = ?")
                .params(incidentId, requestKey).query(ROW).optional();
    }

    Optional<ActionRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from incident_response_action where id = ?").param(id).query(ROW).optional();
    }

    /**
     * Takes a failed (or abandoned pending) action up again, if it is still as {@code seen}: one of two racing retries wins.
     */
    boolean retake(ActionRecord seen, String actor, String detail, Instant now) {
        return jdbc.sql("update incident_response_action set outcome = ?, actor = ?, detail = ?, requested_at = ?, completed_at = null,"
                        + " error_code = null, error = null, attempts = attempts + 1 where id = ? and outcome = ? and attempts = ?")
                .params(ActionRecord.Outcome.PENDING.name(), truncate(actor, 64), truncate(detail, 2000), odt(now), seen.id(),
                        seen.outcome().name(), seen.attempts())
                .update() == 1;
    }

    void complete(long id, ActionRecord.Outcome outcome, String detail, String errorCode, String error, Instant now) {
        jdbc.sql("update incident_response_action set outcome = ?, detail = ?, error_code = ?, error = ?, completed_at = ? where id = ?")
                .params(outcome.name(), truncate(detail, 2000), errorCode, truncate(error, 2000), odt(now), id)
                .update();
    }

    /** How many actions of this kind on this target succeeded from the incident: the generation of a derived request key. */
    long succeeded(long incidentId, ResponseAction action, String target) {
        return jdbc.sql("select count(*) from incident_response_action where incident_id = ? and action = ? and target = ?"
                        + " and outcome = ?")
                .params(incidentId, action.wire(), target, ActionRecord.Outcome.SUCCEEDED.name()).query(Long.class).single();
    }

    List<ActionRecord> list(long incidentId) {
        return jdbc.sql("select " + COLUMNS + " from incident_response_action where incident_id = ? order by id")
                .param(incidentId).query(ROW).list();
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
