package com.ramparts.soc.posture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * History: once per {@code snapshot-interval} (the bucket is the interval's start, so several soc instances write
 * it once between them) the city's, each district's and each unit's shares go into {@code posture_snapshot};
 * snapshots older than {@code history-retention} are deleted.
 */
public class PostureSnapshots {

    private static final Logger log = LoggerFactory.getLogger(PostureSnapshots.class);
    public static final String CITY = "city";
    public static final String DISTRICT = "district";
    public static final String UNIT = "unit";
    /** The city's scope id. */
    public static final String CITY_ID = "-";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PostureService posture;
    private final Duration interval;
    private final Duration retention;

    public PostureSnapshots(JdbcClient jdbc, TransactionTemplate transactions, PostureService posture, Duration interval,
                            Duration retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.posture = posture;
        this.interval = interval;
        this.retention = retention;
    }

    static Instant bucket(Instant now, Duration interval) {
        long size = interval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
    }

    /** Takes the current bucket's snapshot unless it exists, and applies retention. @return whether one was written */
    public boolean takeIfDue() {
        PosturePicture picture = posture.now();
        Instant bucket = bucket(picture.at(), interval);
        jdbc.sql("delete from posture_snapshot where bucket_at < ?").param(PostureStore.odt(picture.at().minus(retention))).update();
        Integer present = jdbc.sql("select count(*) from posture_snapshot where bucket_at = ? and scope = ? and scope_id = ?")
                .params(PostureStore.odt(bucket), CITY, CITY_ID).query(Integer.class).single();
        if (present != null && present > 0) {
            return false;
        }
        try {
            transactions.executeWithoutResult(status -> {
                insert(bucket, CITY, CITY_ID, picture.city(), picture.at());
                picture.districts().forEach(d -> insert(bucket, DISTRICT, d.districtId(), d.shares(), picture.at()));
                picture.units().forEach(u -> insert(bucket, UNIT, u.unitId(), PostureCalculator.shares(List.of(u)), picture.at()));
            });
            return true;
        } catch (DuplicateKeyException raced) {
            log.debug("Posture snapshot {} written by another instance", bucket);
            return false;
        }
    }

    private void insert(Instant bucket, String scope, String scopeId, Shares shares, Instant takenAt) {
        jdbc.sql("insert into posture_snapshot (bucket_at, scope, scope_id, units, monitored, firewall_pct, antivirus_pct, backup_pct,"
                        + " cert_pct, score, taken_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(PostureStore.odt(bucket), scope, scopeId, shares.units(), shares.monitored(), shares.firewall(),
                        shares.antivirus(), shares.backup(), shares.certificate(), shares.score(), PostureStore.odt(takenAt))
                .update();
    }

    /** Snapshots of one scope in [from, to), oldest first, at most {@code limit}. */
    public List<HistoryPoint> history(String scope, String scopeId, Instant from, Instant to, int limit) {
        return jdbc.sql("select bucket_at, units, monitored, firewall_pct, antivirus_pct, backup_pct, cert_pct, score"
                        + " from posture_snapshot where scope = ? and scope_id = ? and bucket_at >= ? and bucket_at < ?"
                        + " order by bucket_at fetch first " + Math.max(1, limit) + " rows only")
                .params(scope, scopeId, PostureStore.odt(from), PostureStore.odt(to))
                .query((rs, row) -> new HistoryPoint(PostureStore.instant(rs, 1), rs.getInt(2), rs.getInt(3), number(rs, 4), number(rs, 5),
                        number(rs, 6), number(rs, 7), number(rs, 8)))
                .list();
    }

    private static Double number(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
