package com.ramparts.soc.account;

import com.ramparts.testsupport.RealServers;
import com.ramparts.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The account tables and their SQL on PostgreSQL, the production database (the other tests use H2). */
@ExtendWith(RealServers.class)
class AccountStoreOnPostgresTest {

    @Test
    void accountsRolesFailuresLocksAndAuditWorkOnPostgres(TestPostgres.Schema schema) {
        DataSource dataSource = schema.dataSource();
        Flyway.configure().dataSource(dataSource).schemas(schema.name()).load().migrate();
        AccountStore store = new AccountStore(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        store.save(new Account("ward-it", Set.of(Role.REQUESTER), "unit-a", true, 0, null), "{argon2@SpringSecurity_v5_8}hash");
        store.save(new Account("ward-it", Set.of(Role.REQUESTER, Role.ANALYST), "unit-a", true, 0, null), "{argon2@SpringSecurity_v5_8}hash2");
        AccountStore.Stored stored = store.find("ward-it").orElseThrow();
        assertThat(stored.account().roles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.ANALYST);
        assertThat(stored.passwordHash()).endsWith("hash2");

        Instant lockUntil = Instant.now().plus(Duration.ofMinutes(15));
        assertThat(store.recordFailure("ward-it", 2, lockUntil)).isEqualTo(1);
        assertThat(store.find("ward-it").orElseThrow().account().lockedAt(Instant.now())).isFalse();
        assertThat(store.recordFailure("ward-it", 2, lockUntil)).isEqualTo(2);
        assertThat(store.find("ward-it").orElseThrow().account().lockedAt(Instant.now())).isTrue();
        assertThat(store.recordFailure("nobody", 2, lockUntil)).isZero();
        store.clearFailures("ward-it");
        assertThat(store.find("ward-it").orElseThrow().account().lockedUntil()).isNull();

        store.audit("ward-it", "LOCKED", "x".repeat(600));
        assertThat(store.auditTrail("ward-it")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).hasSize(500));
        assertThat(store.all()).extracting(Account::username).containsExactly("ward-it");
    }
}
