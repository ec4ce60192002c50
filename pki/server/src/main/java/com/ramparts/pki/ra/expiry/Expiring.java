package com.ramparts.pki.ra.expiry;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Valid certificates ending within a number of days, soonest first, with the unit that requested them (null if issued outside the RA). */
public class Expiring {

    public record Certificate(String serialNumber, String subject, String profile, Instant notAfter, String unit) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Expiring(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** @param scope only this unit's certificates, or every certificate if null */
    public List<Certificate> within(int days, String scope, int limit) {
        Instant now = clock.instant();
        List<Object> arguments = new ArrayList<>(List.of(now.atOffset(ZoneOffset.UTC), now.plus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)));
        String where = "";
        if (scope != null) {
            where = " AND r.unit_code = ?";
            arguments.add(scope);
        }
        return jdbc.query("SELECT c.serial_number, c.subject, c.profile, c.not_after, r.unit_code FROM certificate c "
                        + "LEFT JOIN ra_request r ON r.certificate_serial = c.serial_number "
                        + "WHERE c.status = 'VALID' AND c.not_after > ? AND c.not_after <= ?" + where
                        + " ORDER BY c.not_after, c.serial_number FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                (rs, row) -> new Certificate(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)), arguments.toArray());
    }
}
