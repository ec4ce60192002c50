package com.ramparts.pki.cmp;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-time CMP enrolment secrets in {@code cmp_secret}: a reference (the senderKID) and a 192-bit
 * secret for PasswordBasedMac, bound to a site, spent by the first certificate they pay for.
 */
class CmpSecrets {

    /** The agent-tls profile's CN rule, as for EST tokens. */
    static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    CmpSecrets(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** @param usedAt null while unspent */
    record Secret(String reference, String secret, String siteId, Instant expiresAt, Instant usedAt) {

        boolean usableAt(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    record Created(String reference, String secret, String siteId, Instant expiresAt) {
    }

    Created create(String siteId, Duration validity, Duration maxValidity, String createdBy, Instant now) {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "siteId", "siteId", "1-63 characters of a-z 0-9 -");
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(maxValidity) > 0) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "validity", "validity", "must be positive and at most " + maxValidity);
        }
        String reference = "cmp-" + text(9);
        String secret = text(24);
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        String by = createdBy == null ? "unknown" : createdBy.length() <= 128 ? createdBy : createdBy.substring(0, 128);
        jdbc.update("INSERT INTO cmp_secret (reference, secret, site_id, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                reference, secret, siteId, utc(created), by, utc(created.plus(validity)));
        return new Created(reference, secret, siteId, created.plus(validity));
    }

    Optional<Secret> find(String reference) {
        return jdbc.query("SELECT reference, secret, site_id, expires_at, used_at FROM cmp_secret WHERE reference = ?",
                (rs, row) -> new Secret(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5)),
                reference).stream().findFirst();
    }

    /** Spends the secret on a certificate; false if it was spent or expired meanwhile. Call in the issuing transaction. */
    boolean spend(String reference, String serialHex, Instant now) {
        return jdbc.update("UPDATE cmp_secret SET used_at = ?, certificate_serial = ? WHERE reference = ? AND used_at IS NULL AND expires_at > ?",
                utc(now), serialHex, reference, utc(now)) == 1;
    }

    private String text(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
