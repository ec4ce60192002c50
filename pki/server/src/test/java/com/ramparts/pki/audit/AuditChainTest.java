package com.ramparts.pki.audit;

import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain on both databases: intact when untouched, and every kind of tampering named. */
class AuditChainTest {

    static DataSource database(String kind) {
        DataSource dataSource;
        if (kind.equals("postgresql")) {
            dataSource = TestPostgres.newSchema().dataSource();
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            dataSource = h2;
        }
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    static AuditLog log(DataSource dataSource) {
        return new AuditLog(dataSource, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
    }

    static AuditVerifier.Report verify(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return AuditVerifier.verify(connection, null);
        }
    }

    static void appendSome(AuditLog log, int count) {
        for (int i = 1; i <= count; i++) {
            log.append(new AuditEvent("request.submitted", "officer.an", "10.0.0." + i, "req-" + i, Map.of("unit", "Phường Bến Nghé")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUntouchedChainVerifies(String kind) throws Exception {
        DataSource db = database(kind);
        appendSome(log(db), 5);
        AuditVerifier.Report report = verify(db);
        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEditedEntryIsNamed(String kind) throws Exception {
        DataSource db = database(kind);
        appendSome(log(db), 5);
        new JdbcTemplate(db).update("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 3");
        assertThat(verify(db).problems()).extracting(AuditVerifier.Problem::seq).containsExactly(3L);
        assertThat(verify(db).problems().getFirst().message()).contains("entry 3").contains("edited");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEditWithARecomputedHashIsCaughtByTheNextLink(String kind) throws Exception {
        DataSource db = database(kind);
        appendSome(log(db), 5);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        AuditEntry third = jdbc.query("SELECT " + AuditLog.COLUMNS + " FROM audit_entry WHERE seq = 3", AuditLog.ENTRY).getFirst();
        AuditEntry forged = new AuditEntry(3, third.occurredAt(), "mallory", third.source(), third.action(), third.target(), third.details(),
                third.prevHash(), null);
        jdbc.update("UPDATE audit_entry SET actor = 'mallory', hash = ? WHERE seq = 3", AuditHash.of(forged));
        List<AuditVerifier.Problem> problems = verify(db).problems();
        assertThat(problems).extracting(AuditVerifier.Problem::seq).containsExactly(4L);
        assertThat(problems.getFirst().message()).contains("entry 3 was edited");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeletedEntryIsNamed(String kind) throws Exception {
        DataSource db = database(kind);
        appendSome(log(db), 5);
        new JdbcTemplate(db).update("DELETE FROM audit_entry WHERE seq = 2");
        List<AuditVerifier.Problem> problems = verify(db).problems();
        assertThat(problems.getFirst().message()).isEqualTo("entry 2 is missing (deleted)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void deletedEntriesAtTheEndAreNamed(String kind) throws Exception {
        DataSource db = database(kind);
        appendSome(log(db), 5);
        new JdbcTemplate(db).update("DELETE FROM audit_entry WHERE seq >= 4");
        assertThat(verify(db).problems()).extracting(AuditVerifier.Problem::message)
                .containsExactly("the log ends at entry 3 but its head records entry 5: entries 4 to 5 were deleted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void reorderedEntriesAreNamed(String kind) throws Exception {
        DataSource db = database(kind);
        appendSome(log(db), 5);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("UPDATE audit_entry SET seq = -1 WHERE seq = 3");
        jdbc.update("UPDATE audit_entry SET seq = 3 WHERE seq = 4");
        jdbc.update("UPDATE audit_entry SET seq = 4 WHERE seq = -1");
        // both moved entries fail their hash, and the entry after them no longer chains
        assertThat(verify(db).problems()).extracting(AuditVerifier.Problem::seq).containsExactly(3L, 4L, 5L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentAppendsNeverForkTheChain(String kind) throws Exception {
        DataSource db = database(kind);
        AuditLog log = log(db);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> work = java.util.stream.IntStream.range(0, 8).<Callable<Void>>mapToObj(t -> () -> {
                appendSome(log, 25);
                return null;
            }).toList();
            for (Future<Void> done : threads.invokeAll(work)) {
                done.get();
            }
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        AuditVerifier.Report report = verify(db);
        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSignedCheckpointCatchesAChainRewrittenWithFreshHashes(String kind) throws Exception {
        DataSource db = database(kind);
        AuditLog log = log(db);
        appendSome(log, 3);
        TestHierarchy hierarchy = TestHierarchy.shared();
        Pkcs12CaSigner ca = Pkcs12CaSigner.load("issuing", hierarchy.issuingKeystore(), Passphrase.fromFile(hierarchy.passphraseFile()));
        AuditCheckpoints checkpoints = new AuditCheckpoints(db, new DataSourceTransactionManager(db), new CertificateAuthorities(List.of(ca)),
                null, Clock.systemUTC());
        assertThat(checkpoints.checkpoint()).get().extracting(AuditCheckpoints.Checkpoint::seq).isEqualTo(3L);
        assertThat(checkpoints.checkpoint()).isEmpty(); // nothing new to sign
        try (Connection connection = db.getConnection()) {
            assertThat(AuditVerifier.verify(connection, ca.chain().get(1)).problems()).isEmpty(); // signed by a CA the root issued
        }

        // rewrite the whole chain consistently: every hash recomputed, the head too
        JdbcTemplate jdbc = new JdbcTemplate(db);
        String previous = AuditHash.GENESIS;
        for (AuditEntry entry : jdbc.query("SELECT " + AuditLog.COLUMNS + " FROM audit_entry ORDER BY seq", AuditLog.ENTRY)) {
            AuditEntry forged = new AuditEntry(entry.seq(), entry.occurredAt(), "mallory", entry.source(), entry.action(), entry.target(),
                    entry.details(), previous, null);
            previous = AuditHash.of(forged);
            jdbc.update("UPDATE audit_entry SET actor = 'mallory', prev_hash = ?, hash = ? WHERE seq = ?", forged.prevHash(), previous, entry.seq());
        }
        jdbc.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", previous);
        assertThat(verify(db).problems()).extracting(AuditVerifier.Problem::message)
                .containsExactly("checkpoint 3: entry 3 is not the entry the CA signed (the chain was rewritten)");
    }

    @org.junit.jupiter.api.Test
    void theCliVerifiesAnH2DatabaseAndNamesTheTamperedEntry() throws Exception {
        Path directory = Files.createTempDirectory("audit-cli-");
        String url = "jdbc:h2:file:" + directory.resolve("pki");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("ramparts");
        Flyway.configure().dataSource(h2).load().migrate();
        appendSome(log(h2), 4);
        TestHierarchy.CliRun intact = TestHierarchy.run("audit", "verify", "--jdbc-url", url, "--user", "ramparts");
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("audit log intact: 4 entries");

        new JdbcTemplate(h2).update("UPDATE audit_entry SET target = 'req-999' WHERE seq = 2");
        TestHierarchy.CliRun tampered = TestHierarchy.run("audit", "verify", "--jdbc-url", url, "--user", "ramparts");
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output()).contains("TAMPERED").contains("entry 2 (request.submitted) does not match its hash");
    }
}
