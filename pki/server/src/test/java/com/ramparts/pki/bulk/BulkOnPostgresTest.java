package com.ramparts.pki.bulk;

import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.issuance.IssuanceRequest;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.ra.Caller;
import com.ramparts.pki.ra.imports.Imports;
import com.ramparts.pki.testing.OpenSsl;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.pki.token.Role;
import com.ramparts.pki.x509.Pem;
import com.ramparts.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bulk issuance on PostgreSQL, with no worker of the service's own (threads 0): the test plays the
 * instances, crashing one in the middle of a row and running two at once on the same job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkOnPostgresTest {

    static final String UNIT = "PG-Q5";
    static final String UNIT_NAME = "Ủy ban nhân dân Quận 5";
    static Path dataDir;

    @Autowired BulkJobs jobs;
    @Autowired IssuanceService issuance;
    @Autowired AuditLog audit;
    @Autowired Imports imports;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;

    JdbcTemplate jdbc;
    final Caller creator = new Caller("officer.an", Role.RA_OFFICER, null, "127.0.0.1");
    final Caller approver = new Caller("officer.binh", Role.RA_OFFICER, null, "127.0.0.1");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        TestPostgres.Schema schema = TestPostgres.newSchema();
        dataDir = Files.createTempDirectory("pki-bulk-pg-");
        registry.add("spring.datasource.url", schema::jdbcUrlWithSchema);
        registry.add("spring.datasource.username", schema::user);
        registry.add("spring.datasource.password", schema::password);
        registry.add("ramparts.pki.data-dir", () -> dataDir.toString());
        registry.add("ramparts.pki.admin-credentials-file", () -> dataDir.resolve("secrets/admin-credentials").toString());
        registry.add("ramparts.pki.ra.bulk.threads", () -> "0");
        TestHierarchy.shared().serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeAll
    void unit() {
        jdbc = new JdbcTemplate(dataSource);
        assertThat(imports.units(BulkFixtures.unitsCsv(UNIT, UNIT_NAME).getBytes(StandardCharsets.UTF_8), false, creator.actor()).imported())
                .isTrue();
    }

    String approvedJob(List<BulkFixtures.Person> people) {
        BulkReport report = jobs.create(new ByteArrayInputStream(BulkFixtures.zip(people)), false, null, creator);
        assertThat(report.errors()).isEmpty();
        String id = report.job().id();
        assertThat(jobs.approve(id, approver).status()).isEqualTo("ISSUING");
        return id;
    }

    BulkIssuer instance(IssuanceService with) {
        return new BulkIssuer(jdbc, new TransactionTemplate(transactions), with, audit, 1, Duration.ofHours(1), clock);
    }

    int certificatesOf(String jobId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM certificate c JOIN ra_request r ON r.certificate_serial = c.serial_number "
                + "WHERE r.bulk_job_id = ?", Integer.class, jobId);
    }

    int certificatesIssuedBy(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE requested_by = ?", Integer.class, name);
    }

    @Test
    void anInterruptedJobResumesAfterARestartAndIssuesEveryRowExactlyOnce() throws Exception {
        List<BulkFixtures.Person> people = BulkFixtures.people("PGR", 79_500_000_000L, 8, UNIT, UNIT_NAME);
        String id = approvedJob(people);
        int before = certificatesIssuedBy(creator.name());

        // the first instance dies right after signing its fourth certificate, before the row's transaction commits
        AtomicInteger signed = new AtomicInteger();
        IssuanceService crashing = new IssuanceService(null, null, null, null, 0, null) {
            @Override
            public IssuedCertificate issue(IssuanceRequest request) {
                IssuedCertificate certificate = issuance.issue(request);
                if (signed.incrementAndGet() == 4) {
                    throw new IllegalStateException("power cut");
                }
                return certificate;
            }
        };
        assertThat(instance(crashing).pass()).isEqualTo(3);
        assertThat(signed).hasValue(4);
        assertThat(jobs.find(id).issued()).isEqualTo(3);
        assertThat(jobs.find(id).pending()).isEqualTo(5);
        assertThat(jobs.find(id).status()).isEqualTo("ISSUING");
        assertThat(certificatesIssuedBy(creator.name()) - before).isEqualTo(3); // the fourth certificate went with its transaction

        // "restart": a new instance finds the job and goes on from the first pending row
        BulkIssuer restarted = instance(issuance);
        assertThat(restarted.pass()).isEqualTo(5);
        BulkJobView done = jobs.find(id);
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.issued()).isEqualTo(8);
        assertThat(certificatesIssuedBy(creator.name()) - before).isEqualTo(8);
        assertThat(certificatesOf(id)).isEqualTo(8);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT certificate_serial) FROM ra_bulk_row WHERE job_id = ?", Integer.class, id))
                .isEqualTo(8);
        assertThat(restarted.pass()).isZero(); // nothing left, nothing issued again
        assertThat(certificatesIssuedBy(creator.name()) - before).isEqualTo(8);

        // openssl verifies what PostgreSQL holds
        Path directory = Files.createTempDirectory(dataDir, "out");
        Path chain = Files.writeString(directory.resolve("chain.pem"), jobs.chainPem("issuing"));
        List<byte[]> ders = jdbc.query("SELECT c.der FROM ra_bulk_row r JOIN certificate c ON c.serial_number = r.certificate_serial "
                + "WHERE r.job_id = ?", (rs, n) -> rs.getBytes(1), id);
        assertThat(ders).hasSize(8);
        for (int i = 0; i < ders.size(); i++) {
            Path leaf = Files.writeString(directory.resolve(i + ".pem"), Pem.encode("CERTIFICATE", ders.get(i)));
            OpenSsl.Result verify = OpenSsl.run("verify", "-x509_strict", "-purpose", "smimesign", "-CAfile",
                    TestHierarchy.shared().rootCertificate().toString(), "-untrusted", chain.toString(), leaf.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
        }
    }

    @Test
    void twoInstancesWorkingOnOneJobNeverIssueARowTwice() {
        List<BulkFixtures.Person> people = BulkFixtures.people("PGT", 79_501_000_000L, 30, UNIT, UNIT_NAME);
        String id = approvedJob(people);
        BulkIssuer first = instance(issuance);
        BulkIssuer second = instance(issuance);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::pass);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::pass);
        a.join();
        b.join();
        BulkJobView done = jobs.find(id);
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.issued()).isEqualTo(30);
        assertThat(certificatesOf(id)).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ra_request WHERE bulk_job_id = ?", Integer.class, id)).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'bulk.finished' AND target = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void theCreatorCannotApproveAndAJobIsApprovedOnce() {
        BulkReport report = jobs.create(new ByteArrayInputStream(BulkFixtures.zip(BulkFixtures.people("PGA", 79_502_000_000L, 2, UNIT,
                UNIT_NAME))), false, null, creator);
        String id = report.job().id();
        assertThatThrownBy(() -> jobs.approve(id, creator)).hasMessageContaining("may not approve");
        jobs.approve(id, approver);
        assertThatThrownBy(() -> jobs.approve(id, approver)).hasMessageContaining("only a job awaiting approval");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'bulk.approved' AND target = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(instance(issuance).pass()).isEqualTo(2); // leave no job behind for the other tests' passes
    }
}
