package com.ramparts.pki.acme;

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
import java.util.Optional;

/**
 * External account binding keys (RFC 8555 7.3.4) in {@code acme_eab_key}: a key id and a 256-bit
 * HMAC key, bound to one unit, usable once before it expires. Unlike enrolment tokens the MAC key
 * itself must be stored (a hash cannot check a MAC); it is wiped when an account is bound with it.
 */
class ExternalAccountKeys {

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    ExternalAccountKeys(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A key just made; {@code hmacKey} (base64url) is shown this once. */
    record Created(String keyId, String hmacKey, String unit, Instant expiresAt) {
    }

    /** A usable key: its MAC key and the unit it binds to. */
    record Usable(byte[] hmacKey, String unit) {
    }

    Created create(String unit, Duration validity, Duration maxValidity, String createdBy, Instant now) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(maxValidity) > 0) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "validity", "validity", "must be positive and at most " + maxValidity);
        }
        String keyId = Base64Url.encode(bytes(16));
        String hmacKey = Base64Url.encode(bytes(32));
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expires = created.plus(validity);
        String by = createdBy == null ? "unknown" : createdBy.length() <= 128 ? createdBy : createdBy.substring(0, 128);
        jdbc.update("INSERT INTO acme_eab_key (key_id, hmac_key, unit_code, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                keyId, hmacKey, unit, created.atOffset(ZoneOffset.UTC), by, expires.atOffset(ZoneOffset.UTC));
        return new Created(keyId, hmacKey, unit, expires);
    }

    Optional<Usable> usable(String keyId, Instant now) {
        return jdbc.query("SELECT hmac_key, unit_code, expires_at FROM acme_eab_key WHERE key_id = ? AND used_at IS NULL AND hmac_key IS NOT NULL",
                        (rs, row) -> instant(rs, 3).isAfter(now) ? new Usable(Base64Url.decode(rs.getString(1), "hmac_key"), rs.getString(2)) : null,
                        keyId).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Spends the key for {@code accountId}; false if another request spent it first. Call in the account's transaction. */
    boolean spend(String keyId, String accountId, Instant now) {
        return jdbc.update("UPDATE acme_eab_key SET hmac_key = NULL, used_at = ?, account_id = ? WHERE key_id = ? AND used_at IS NULL AND expires_at > ?",
                now.atOffset(ZoneOffset.UTC), accountId, keyId, now.atOffset(ZoneOffset.UTC)) == 1;
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
