package com.ramparts.pki.acme;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code acme_account} table. */
class AcmeAccounts {

    /**
     * @param jwk the account key's canonical JWK (RFC 7638 form)
     * @param unitCode the unit its external account binding named; null for an unbound account
     */
    record Account(String id, String thumbprint, String jwk, String status, List<String> contact, String unitCode, Instant createdAt) {

        Account {
            contact = List.copyOf(contact);
        }

        boolean valid() {
            return "valid".equals(status);
        }
    }

    private static final String COLUMNS = "id, key_thumbprint, jwk, status, contact, unit_code, created_at";
    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5) == null || rs.getString(5).isBlank() ? List.of() : Arrays.asList(rs.getString(5).split(" ")),
            rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;

    AcmeAccounts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<Account> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM acme_account WHERE id = ?", ACCOUNT, id).stream().findFirst();
    }

    Optional<Account> findByThumbprint(String thumbprint) {
        return jdbc.query("SELECT " + COLUMNS + " FROM acme_account WHERE key_thumbprint = ?", ACCOUNT, thumbprint).stream().findFirst();
    }

    void insert(Account account, String externalKeyId) {
        jdbc.update("INSERT INTO acme_account (id, key_thumbprint, jwk, status, contact, unit_code, eab_key_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                account.id(), account.thumbprint(), account.jwk(), account.status(), String.join(" ", account.contact()),
                account.unitCode(), externalKeyId, account.createdAt().atOffset(ZoneOffset.UTC));
    }

    void updateContact(String id, List<String> contact) {
        jdbc.update("UPDATE acme_account SET contact = ? WHERE id = ? AND status = 'valid'", String.join(" ", contact), id);
    }

    /** Deactivates a valid account (RFC 8555 7.3.6); false if it was not valid. */
    boolean deactivate(String id) {
        return jdbc.update("UPDATE acme_account SET status = 'deactivated' WHERE id = ? AND status = 'valid'", id) == 1;
    }
}
