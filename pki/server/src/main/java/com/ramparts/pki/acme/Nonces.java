package com.ramparts.pki.acme;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Replay nonces (RFC 8555 6.5) in the {@code acme_nonce} table: 128 random bits, good once, within
 * {@code nonce-validity}. Using one deletes its row, so instances sharing the database never accept
 * a nonce twice. Expired rows are swept every {@value #SWEEP_EVERY} nonces.
 */
class Nonces {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int SWEEP_EVERY = 256;

    private final JdbcTemplate jdbc;
    private final Duration validity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger issued = new AtomicInteger();

    Nonces(DataSource dataSource, Duration validity, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.validity = validity;
        this.clock = clock;
    }

    String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = Base64Url.encode(bytes);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO acme_nonce (nonce, expires_at) VALUES (?, ?)", nonce, now.plus(validity).atOffset(ZoneOffset.UTC));
        if (issued.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbc.update("DELETE FROM acme_nonce WHERE expires_at <= ?", now.atOffset(ZoneOffset.UTC));
        }
        return nonce;
    }

    /** Spends a nonce; false if it was never issued, already used or expired. */
    boolean use(String nonce) {
        if (nonce == null || !SHAPE.matcher(nonce).matches()) {
            return false;
        }
        return jdbc.update("DELETE FROM acme_nonce WHERE nonce = ? AND expires_at > ?", nonce,
                clock.instant().atOffset(ZoneOffset.UTC)) == 1;
    }
}
