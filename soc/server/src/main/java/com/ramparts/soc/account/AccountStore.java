package com.ramparts.soc.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Accounts, their roles and their audit trail in SQL. Passwords arrive here already hashed. */
@Component
class AccountStore {

    /** An account as stored, with its password hash, which never leaves this package. */
    record Stored(Account account, String passwordHash) {
    }

    /** One line of the account audit trail. */
    record AuditEntry(Instant at, String username, String action, String detail) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AccountStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Optional<Stored> find(String username) {
        Set<Role> roles = roles(username);
        return jdbc.sql("select username, password_hash, unit_id, enabled, failed_logins, locked_until from account where username = ?")
                .param(username)
                .query((rs, row) -> new Stored(new Account(rs.getString(1), roles, rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), instant(rs.getObject(6, OffsetDateTime.class))), rs.getString(2)))
                .optional();
    }

    List<Account> all() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select username, role from account_role").query(rs -> {
            roles.computeIfAbsent(rs.getString(1), u -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
        });
        List<Account> accounts = new ArrayList<>();
        jdbc.sql("select username, unit_id, enabled, failed_logins, locked_until from account order by username").query(rs -> {
            accounts.add(new Account(rs.getString(1), roles.getOrDefault(rs.getString(1), Set.of()), rs.getString(2),
                    rs.getBoolean(3), rs.getInt(4), instant(rs.getObject(5, OffsetDateTime.class))));
        });
        return accounts;
    }

    /** Creates the account or replaces its hash, roles, unit and enabled flag; the failure count is kept. */
    void save(Account account, String passwordHash) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("update account set password_hash = ?, unit_id = ?, enabled = ?, updated_at = ? where username = ?")
                    .params(passwordHash, account.unitId(), account.enabled(), now, account.username())
                    .update();
            if (updated == 0) {
                jdbc.sql("insert into account (username, password_hash, unit_id, enabled, failed_logins, created_at, updated_at)"
                                + " values (?, ?, ?, ?, 0, ?, ?)")
                        .params(account.username(), passwordHash, account.unitId(), account.enabled(), now, now)
                        .update();
            }
            jdbc.sql("delete from account_role where username = ?").param(account.username()).update();
            for (Role role : account.roles()) {
                jdbc.sql("insert into account_role (username, role) values (?, ?)").params(account.username(), role.name()).update();
            }
        });
    }

    /** Counts a failed login; locks the account when the count reaches {@code max}. Returns the new count (0: no such account). */
    int recordFailure(String username, int max, Instant lockUntil) {
        return transactions.execute(status -> {
            int updated = jdbc.sql("update account set failed_logins = failed_logins + 1 where username = ?").param(username).update();
            if (updated == 0) {
                return 0;
            }
            int failures = jdbc.sql("select failed_logins from account where username = ?").param(username).query(Integer.class).single();
            if (failures >= max) {
                jdbc.sql("update account set locked_until = ?, failed_logins = 0 where username = ?")
                        .params(lockUntil.atOffset(ZoneOffset.UTC), username).update();
            }
            return failures;
        });
    }

    void clearFailures(String username) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null where username = ? and (failed_logins <> 0 or locked_until is not null)")
                .param(username).update();
    }

    void audit(String username, String action, String detail) {
        jdbc.sql("insert into account_audit (at, username, action, detail) values (?, ?, ?, ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC), truncate(username, 64), action, detail == null ? null : truncate(detail, 500))
                .update();
    }

    List<AuditEntry> auditTrail(String username) {
        return jdbc.sql("select at, username, action, detail from account_audit where username = ? order by id")
                .param(username)
                .query((rs, row) -> new AuditEntry(instant(rs.getObject(1, OffsetDateTime.class)), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private Set<Role> roles(String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from account_role where username = ?").param(username)
                .query(rs -> {
                    roles.add(Role.valueOf(rs.getString(1)));
                });
        return roles;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
