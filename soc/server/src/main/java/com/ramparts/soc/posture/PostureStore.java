package com.ramparts.soc.posture;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code posture_site} and {@code posture_host}. Every write merges: a time only ever moves forward
 * ({@code greatest}), a protection switch only replaces an older one. So applying a batch twice, or an old
 * batch after a newer one, leaves the same state: Kafka re-deliveries cannot double-count.
 */
public class PostureStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public PostureStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Merges a batch in one transaction. */
    void apply(PostureBatch batch, Instant now) {
        if (batch.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            batch.sites().forEach((siteId, delta) -> mergeSite(siteId, delta, now));
            batch.hosts().forEach((key, delta) -> {
                if (delta.seen != null) {
                    mergeHost(key, delta);
                }
            });
        });
    }

    private void mergeSite(String siteId, PostureBatch.SiteDelta delta, Instant now) {
        StringBuilder sql = new StringBuilder("update posture_site set updated_at = ?");
        List<Object> params = new ArrayList<>(List.of(odt(now)));
        if (delta.unitId != null) {
            sql.append(", event_unit_id = ?");
            params.add(delta.unitId);
        }
        later(sql, params, "firewall_last", delta.firewall);
        later(sql, params, "antivirus_last", delta.antivirus);
        later(sql, params, "backup_success_last", delta.backupSuccess);
        later(sql, params, "backup_failure_last", delta.backupFailure);
        later(sql, params, "heartbeat_last", delta.heartbeat);
        sql.append(" where site_id = ?");
        params.add(siteId);
        if (jdbc.sql(sql.toString()).params(params).update() == 0) {
            jdbc.sql("insert into posture_site (site_id, event_unit_id, firewall_last, antivirus_last, backup_success_last,"
                            + " backup_failure_last, heartbeat_last, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(siteId, delta.unitId, odt(delta.firewall), odt(delta.antivirus), odt(delta.backupSuccess),
                            odt(delta.backupFailure), odt(delta.heartbeat), odt(now))
                    .update();
        }
    }

    private void mergeHost(PostureBatch.HostKey key, PostureBatch.HostDelta delta) {
        StringBuilder sql = new StringBuilder("update posture_host set seen_last = case when seen_last < ? then ? else seen_last end");
        List<Object> params = new ArrayList<>(List.of(odt(delta.seen), odt(delta.seen)));
        later(sql, params, "signatures_at", delta.signatures);
        if (delta.protectionAt != null) {
            // a newer switch replaces the state; at the same instant "off" wins, as within a batch
            String newer = "protection_at is null or protection_at < ? or (protection_at = ? and ? = false)";
            sql.append(", protection_on = case when ").append(newer).append(" then ? else protection_on end");
            params.addAll(List.of(odt(delta.protectionAt), odt(delta.protectionAt), delta.protectionOn, delta.protectionOn));
            sql.append(", protection_at = case when protection_at is null or protection_at < ? then ? else protection_at end");
            params.addAll(List.of(odt(delta.protectionAt), odt(delta.protectionAt)));
        }
        sql.append(" where site_id = ? and host = ?");
        params.add(key.siteId());
        params.add(key.host());
        if (jdbc.sql(sql.toString()).params(params).update() == 0) {
            jdbc.sql("insert into posture_host (site_id, host, seen_last, signatures_at, protection_at, protection_on)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(key.siteId(), key.host(), odt(delta.seen), odt(delta.signatures), odt(delta.protectionAt), delta.protectionOn)
                    .update();
        }
    }

    /** {@code column = greatest(column, value)}, written so H2 and PostgreSQL both read it and null stays null. */
    private static void later(StringBuilder sql, List<Object> params, String column, Instant value) {
        if (value != null) {
            sql.append(", ").append(column).append(" = case when ").append(column).append(" is null or ").append(column)
                    .append(" < ? then ? else ").append(column).append(" end");
            params.add(odt(value));
            params.add(odt(value));
        }
    }

    public List<SiteState> sites() {
        return jdbc.sql("select site_id, event_unit_id, firewall_last, antivirus_last, backup_success_last, backup_failure_last,"
                        + " heartbeat_last from posture_site order by site_id")
                .query((rs, row) -> new SiteState(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5),
                        instant(rs, 6), instant(rs, 7)))
                .list();
    }

    /** Hosts whose antivirus reported at or after {@code since}. */
    public List<HostState> hosts(Instant since) {
        return jdbc.sql("select site_id, host, seen_last, signatures_at, protection_on from posture_host where seen_last >= ?"
                        + " order by site_id, host")
                .param(odt(since))
                .query((rs, row) -> new HostState(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                        rs.getObject(5) == null ? null : rs.getBoolean(5)))
                .list();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
