package com.ramparts.pki.token;

import com.ramparts.pki.audit.AuditActor;
import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creates, finds, lists and revokes API tokens. */
public class ApiTokens {

    /** A token just created: the secret is in this answer and nowhere else. */
    public record Created(ApiToken token, String secret) {
    }

    private static final String PREFIX = "rpk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, role, unit_code, created_by, created_at, expires_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Duration maxValidity;
    private final Clock clock;

    public ApiTokens(DataSource dataSource, TransactionTemplate transactions, AuditLog audit, Duration maxValidity, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
        this.audit = audit;
        this.maxValidity = maxValidity;
        this.clock = clock;
    }

    public Created create(String name, Role role, String unitCode, Duration validity, AuditActor by) {
        if (name == null || !name.matches("[\\p{L}\\p{N}._@-]{1,128}")) {
            throw new PkiException(PkiError.TOKEN_SCOPE_INVALID, "name", "name must be 1-128 letters, digits or . _ @ -");
        }
        if (role == null) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "role", "role");
        }
        if ((role == Role.REQUESTER) != (unitCode != null)) {
            throw new PkiException(PkiError.TOKEN_SCOPE_INVALID, "unit", "a REQUESTER token needs a unit; other roles have none");
        }
        Duration lifetime = validity == null ? maxValidity : validity;
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxValidity) > 0) {
            throw new PkiException(PkiError.TOKEN_SCOPE_INVALID, "validity", "validity must be positive and at most " + maxValidity);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), name, role, unitCode, by.name(), now, now.plus(lifetime), null);
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO api_token (id, token_sha256, name, role, unit_code, created_by, created_at, expires_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", token.id(), sha256(secret), name, role.name(), unitCode, by.name(),
                        time(now), time(token.expiresAt()));
                audit.append(AuditEvent.of("token.created", by, token.id(), Map.of("name", name, "role", role.name(),
                        "unit", unitCode == null ? "" : unitCode, "expiresAt", token.expiresAt().toString())));
            });
        } catch (DataIntegrityViolationException e) {
            throw new PkiException(PkiError.RA_UNIT_NOT_FOUND, "unit", unitCode);
        }
        return new Created(token, secret);
    }

    /** The token a secret belongs to, if it is known, unrevoked and unexpired. */
    public Optional<TokenPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id, name, role, unit_code FROM api_token WHERE token_sha256 = ? AND revoked_at IS NULL AND expires_at > ?",
                (rs, row) -> new TokenPrincipal(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4)),
                sha256(secret), time(clock.instant())).stream().findFirst();
    }

    public List<ApiToken> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at, id", TOKEN);
    }

    public ApiToken revoke(String id, AuditActor by) {
        transactions.executeWithoutResult(status -> {
            if (jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", time(clock.instant()), id) == 0) {
                if (jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE id = ?", Integer.class, id) == 0) {
                    throw new PkiException(PkiError.TOKEN_NOT_FOUND, "id", id);
                }
                return; // revoking twice changes nothing
            }
            audit.append(AuditEvent.of("token.revoked", by, id, Map.of()));
        });
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", TOKEN, id).getFirst();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RowMapper<ApiToken> TOKEN = (rs, row) -> new ApiToken(rs.getString("id"), rs.getString("name"),
            Role.valueOf(rs.getString("role")), rs.getString("unit_code"), rs.getString("created_by"),
            instant(rs.getObject("created_at", OffsetDateTime.class)), instant(rs.getObject("expires_at", OffsetDateTime.class)),
            instant(rs.getObject("revoked_at", OffsetDateTime.class)));

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
