package com.ramparts.pki.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends entries to the chain. An append joins the caller's transaction (so the act and its entry
 * commit or roll back together) or runs in its own. It locks the single {@code audit_head} row
 * with SELECT ... FOR UPDATE first, so concurrent appends on any number of instances queue up
 * instead of both chaining to the same predecessor.
 */
public class AuditLog {

    static final String COLUMNS = "seq, occurred_at, actor, source, action, target, details, prev_hash, hash";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AuditLog(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public AuditEntry append(AuditEvent event) {
        return transactions.execute(status -> {
            Map.Entry<Long, String> head = jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                    (rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)));
            long seq = head.getKey() + 1;
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String details = JSON.writeValueAsString(new TreeMap<>(event.details()));
            if (details.length() > 8192) {
                details = JSON.writeValueAsString(Map.of("truncated", details.substring(0, 8000)));
            }
            AuditEntry entry = new AuditEntry(seq, at, cut(event.actor(), 128), cut(event.source(), 64), cut(event.action(), 64),
                    cut(event.target(), 256), details, head.getValue(), null);
            String hash = AuditHash.of(entry);
            jdbc.update("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at.atOffset(ZoneOffset.UTC),
                    entry.actor(), entry.source(), entry.action(), entry.target(), details, entry.prevHash(), hash);
            jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
            return new AuditEntry(seq, at, entry.actor(), entry.source(), entry.action(), entry.target(), details, entry.prevHash(), hash);
        });
    }

    /** Entries after {@code afterSeq}, in order, at most {@code limit}. */
    public List<AuditEntry> after(long afterSeq, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY", ENTRY, afterSeq);
    }

    /** The most recent entry with this action, if any. */
    public java.util.Optional<AuditEntry> last(String action) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE action = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY",
                ENTRY, action).stream().findFirst();
    }

    static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(rs.getLong("seq"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("source"),
            rs.getString("action"), rs.getString("target"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
