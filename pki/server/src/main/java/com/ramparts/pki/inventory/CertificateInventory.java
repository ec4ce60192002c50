package com.ramparts.pki.inventory;

import com.ramparts.pki.x509.SerialNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads and writes the {@code certificate} table. */
public class CertificateInventory {

    private static final String COLUMNS = "serial_number, ca_name, profile, subject, not_before, not_after, status, revoked_at, "
            + "revocation_reason, revoked_by, issued_at, requested_by, public_key_sha256, der";
    private static final int STREAM_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public CertificateInventory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
    }

    /**
     * Records a newly issued certificate.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the serial number is already taken
     */
    public void add(CertificateRecord record) {
        jdbc.update("INSERT INTO certificate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                SerialNumbers.hex(record.serialNumber()), record.caName(), record.profile(), record.subject(),
                timestamp(record.notBefore()), timestamp(record.notAfter()), record.status().name(), timestamp(record.revokedAt()),
                record.revocationReason(), record.revokedBy(), timestamp(record.issuedAt()), record.requestedBy(),
                record.publicKeySha256(), record.der());
    }

    public Optional<CertificateRecord> find(BigInteger serialNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM certificate WHERE serial_number = ?", RECORD,
                SerialNumbers.hex(serialNumber)).stream().findFirst();
    }

    /** The revocation state of a serial number under one CA, without the certificate bytes (the OCSP lookup). */
    public Optional<Status> status(String caName, BigInteger serialNumber) {
        return jdbc.query("SELECT status, revoked_at, revocation_reason FROM certificate WHERE serial_number = ? AND ca_name = ?",
                (rs, row) -> new Status(CertificateStatus.valueOf(rs.getString(1)), instant(rs, 2), rs.getObject(3, Integer.class)),
                SerialNumbers.hex(serialNumber), caName).stream().findFirst();
    }

    /** Revocation state for OCSP. */
    public record Status(CertificateStatus status, Instant revokedAt, Integer reason) {
    }

    /**
     * Moves a certificate from one state to another, only if it is still in {@code expected}:
     * concurrent revocations cannot both succeed.
     *
     * @return whether the row changed
     */
    public boolean changeStatus(BigInteger serialNumber, CertificateStatus expected, CertificateStatus next, Instant revokedAt,
                                Integer reason, String revokedBy) {
        return jdbc.update("UPDATE certificate SET status = ?, revoked_at = ?, revocation_reason = ?, revoked_by = ? "
                        + "WHERE serial_number = ? AND status = ?",
                next.name(), timestamp(revokedAt), reason, revokedBy, SerialNumbers.hex(serialNumber), expected.name()) == 1;
    }

    /**
     * A page of certificates in serial-number order (keyset pagination: pass the last serial seen).
     *
     * @param caName, status, profile filters; null for any
     */
    public List<CertificateRecord> list(String caName, CertificateStatus status, String profile, String afterSerial, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM certificate WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (caName != null) {
            sql.append(" AND ca_name = ?");
            arguments.add(caName);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            arguments.add(status.name());
        }
        if (profile != null) {
            sql.append(" AND profile = ?");
            arguments.add(profile);
        }
        if (afterSerial != null) {
            sql.append(" AND serial_number > ?");
            arguments.add(afterSerial);
        }
        sql.append(" ORDER BY serial_number FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), RECORD, arguments.toArray());
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM certificate", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Hands every revoked or held, not yet expired certificate of a CA to {@code sink}, row by row
     * (the driver fetches {@value #STREAM_FETCH_SIZE} at a time), so memory does not grow with the CRL.
     * PostgreSQL streams only inside a transaction: call this within one.
     */
    public void forEachRevoked(String caName, Instant notExpiredAt, Consumer<RevokedEntry> sink) {
        streaming.query("SELECT serial_number, revoked_at, revocation_reason FROM certificate "
                        + "WHERE ca_name = ? AND status IN ('REVOKED', 'ON_HOLD') AND not_after > ?",
                rs -> {
                    sink.accept(new RevokedEntry(new BigInteger(rs.getString(1), 16), instant(rs, 2), rs.getInt(3)));
                }, caName, timestamp(notExpiredAt));
    }

    /** Reserves the next CRL number of a CA; call within a transaction. */
    public long nextCrlNumber(String caName) {
        if (jdbc.update("UPDATE crl_number SET last_number = last_number + 1 WHERE ca_name = ?", caName) == 0) {
            try {
                jdbc.update("INSERT INTO crl_number (ca_name, last_number) VALUES (?, 1)", caName);
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                jdbc.update("UPDATE crl_number SET last_number = last_number + 1 WHERE ca_name = ?", caName);
            }
        }
        Long number = jdbc.queryForObject("SELECT last_number FROM crl_number WHERE ca_name = ?", Long.class, caName);
        return number == null ? 1 : number;
    }

    private static final RowMapper<CertificateRecord> RECORD = (rs, row) -> new CertificateRecord(
            new BigInteger(rs.getString("serial_number"), 16), rs.getString("ca_name"), rs.getString("profile"),
            rs.getString("subject"), instant(rs, "not_before"), instant(rs, "not_after"),
            CertificateStatus.valueOf(rs.getString("status")), instant(rs, "revoked_at"),
            rs.getObject("revocation_reason", Integer.class), rs.getString("revoked_by"), instant(rs, "issued_at"),
            rs.getString("requested_by"), rs.getString("public_key_sha256"), rs.getBytes("der"));

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
