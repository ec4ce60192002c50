package com.ramparts.pki.est;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code enrolment_token} table. A token is 256 random bits, shown once; only its SHA-256 is
 * stored. A plain hash suffices (no salt, no slow KDF) because the token is random, not chosen by a
 * person: there is no dictionary to try.
 */
public class EnrolmentTokens {

    /** The agent-tls profile's CN rule; checked here too so a token can never be made for a site no certificate could name. */
    static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int TOKEN_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public EnrolmentTokens(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A token just made: its text (never stored) and what it allows. */
    public record Created(String token, EnrolmentToken allows) {
    }

    public Created create(String siteId, String agentId, Duration validity, Duration maxValidity, String createdBy, Instant now) {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "siteId", "siteId", "1-63 characters of a-z 0-9 -");
        }
        if (agentId == null || !AGENT_ID.matcher(agentId).matches()) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "agentId", "agentId", "1-64 characters of A-Z a-z 0-9 . _ -");
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(maxValidity) > 0) {
            throw new PkiException(PkiError.ENROLMENT_TOKEN_FIELD_INVALID, "validity", "validity",
                    "must be positive and at most " + maxValidity);
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant created = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        EnrolmentToken allows = new EnrolmentToken(siteId, agentId, created, truncate(createdBy), created.plus(validity), null);
        jdbc.update("INSERT INTO enrolment_token (token_hash, site_id, agent_id, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                hash(token), siteId, agentId, timestamp(allows.createdAt()), allows.createdBy(), timestamp(allows.expiresAt()));
        return new Created(token, allows);
    }

    /** The token's record whatever its state, or empty for a token never made. */
    public Optional<EnrolmentToken> find(String token) {
        return jdbc.query("SELECT site_id, agent_id, created_at, created_by, expires_at, used_at FROM enrolment_token WHERE token_hash = ?",
                (rs, row) -> new EnrolmentToken(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4), instant(rs, 5),
                        instant(rs, 6)), hash(token)).stream().findFirst();
    }

    /**
     * Spends the token if it is unused and unexpired. A conditional update, so two enrolments racing
     * with one token cannot both win; call it in the transaction that issues, so a refused issuance
     * gives the token back.
     *
     * @return whether this call spent it
     */
    public boolean spend(String token, Instant now) {
        return jdbc.update("UPDATE enrolment_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                timestamp(now), hash(token), timestamp(now)) == 1;
    }

    /** Records which certificate a spent token paid for. */
    public void recordCertificate(String token, String serialHex) {
        jdbc.update("UPDATE enrolment_token SET certificate_serial = ? WHERE token_hash = ?", serialHex, hash(token));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text) {
        String value = text == null ? "unknown" : text;
        return value.length() <= 128 ? value : value.substring(0, 128);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
