package com.ramparts.pki.bulk;

import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.issuance.IssuanceRequest;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.x509.SerialNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issues the rows of approved bulk jobs. Each row is one transaction: lock the row, check it is
 * still PENDING, {@link IssuanceService#issue} (which records the certificate and its audit entry),
 * record the RA request and approval, mark the row ISSUED. A crash anywhere in it rolls all of that
 * back, so after a restart the row is simply pending again: no row is ever issued twice, on one
 * instance or several. The job's rows are split between {@code threads} workers by line number.
 */
public class BulkIssuer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkIssuer.class);
    private static final int PAGE = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IssuanceService issuance;
    private final AuditLog audit;
    private final int threads;
    private final Duration pollInterval;
    private final Clock clock;
    private final AtomicBoolean passing = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;

    /** @param threads rows issued at once; 0 runs no worker on this instance (passes run only when {@link #pass()} is called) */
    public BulkIssuer(JdbcTemplate jdbc, TransactionTemplate transactions, IssuanceService issuance, AuditLog audit, int threads,
                      Duration pollInterval, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.issuance = issuance;
        this.audit = audit;
        this.threads = threads;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /** The job fields a row's issuance needs. */
    private record Job(String id, String profile, String ca, String createdBy, String approvedBy, Instant createdAt, Instant approvedAt,
                       int approvalsRequired) {
    }

    @Override
    public synchronized void start() {
        running = true;
        if (threads > 0) {
            workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("bulk-issuer-", 0).factory());
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("bulk-poll").factory());
            // the first pass right away: jobs a restart interrupted go on where they stopped
            scheduler.scheduleWithFixedDelay(this::passQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdown(); // no interrupt: an interrupted read closes an embedded H2 database's file
            workers.shutdown(); // a row in progress finishes; running = false lets no new row start
            try {
                workers.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** There may be work now (a job was approved): run a pass soon instead of at the next poll. */
    public void wake() {
        ScheduledExecutorService current = scheduler;
        if (current != null && running) {
            current.execute(this::passQuietly);
        }
    }

    /**
     * Works every ISSUING job until it has no pending row left, or a row cannot be issued right now
     * (no CA, database trouble): those stay pending for the next pass.
     *
     * @return rows finished (issued or failed) in this pass
     */
    public int pass() {
        if (!passing.compareAndSet(false, true)) {
            return 0; // a pass is under way on this instance; it will see the new work
        }
        try {
            int done = 0;
            for (Job job : jdbc.query("SELECT id, profile, ca_name, created_by, approved_by, created_at, approved_at, approvals_required "
                    + "FROM ra_bulk_job WHERE status = 'ISSUING' ORDER BY created_at, id", (rs, n) -> new Job(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), BulkJobs.instant(rs, 6), BulkJobs.instant(rs, 7), rs.getInt(8)))) {
                done += work(job);
                finishIfDone(job);
            }
            return done;
        } finally {
            passing.set(false);
        }
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.error("A bulk issuance pass failed; the next one retries", e);
        }
    }

    private int work(Job job) {
        int parts = Math.max(1, threads);
        if (workers == null || parts == 1) {
            return partition(job, 0, 1);
        }
        List<Future<Integer>> futures = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            int p = part;
            futures.add(workers.submit(() -> partition(job, p, parts)));
        }
        int done = 0;
        for (Future<Integer> future : futures) {
            try {
                done += future.get();
            } catch (ExecutionException e) {
                log.error("A bulk issuance worker of job {} failed", job.id(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done;
            }
        }
        return done;
    }

    /** Issues this worker's share of the pending rows (line modulo parts), page by page. */
    private int partition(Job job, int part, int parts) {
        int done = 0;
        while (running || workers == null) {
            List<Integer> lines = jdbc.queryForList("SELECT line FROM ra_bulk_row WHERE job_id = ? AND status = 'PENDING' AND MOD(line, ?) = ? "
                    + "ORDER BY line FETCH FIRST " + PAGE + " ROWS ONLY", Integer.class, job.id(), parts, part);
            if (lines.isEmpty()) {
                return done;
            }
            for (int line : lines) {
                if (!issueRow(job, line)) {
                    return done;
                }
                done++;
                if (!running && workers != null) {
                    return done;
                }
            }
        }
        return done;
    }

    /** @return false when the row stays pending and this worker should stop for now */
    private boolean issueRow(Job job, int line) {
        try {
            transactions.executeWithoutResult(status -> {
                List<Map<String, Object>> rows = jdbc.queryForList(
                        "SELECT staff_id, unit_code, csr, status FROM ra_bulk_row WHERE job_id = ? AND line = ? FOR UPDATE", job.id(), line);
                if (rows.isEmpty() || !"PENDING".equals(value(rows.getFirst(), "status"))) {
                    return; // another worker or instance got here first
                }
                Map<String, Object> row = rows.getFirst();
                IssuedCertificate issued = issuance.issue(new IssuanceRequest((byte[]) value(row, "csr"), job.profile(), job.ca(),
                        job.createdBy()));
                String serial = SerialNumbers.hex(issued.record().serialNumber());
                String requestId = UUID.randomUUID().toString();
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                // the staff member's certificate is a request like any other: listed, renewable, attributed
                jdbc.update("INSERT INTO ra_request (id, unit_code, staff_id, profile, ca_name, csr, public_key_sha256, status, approvals_required, "
                                + "submitted_by, submitted_at, decided_by, decided_at, certificate_serial, bulk_job_id) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?, ?, ?, ?, ?, ?, ?)",
                        requestId, value(row, "unit_code"), value(row, "staff_id"), job.profile(), job.ca(), value(row, "csr"),
                        issued.record().publicKeySha256(), job.approvalsRequired(), job.createdBy(), BulkJobs.time(job.createdAt()),
                        job.approvedBy(), BulkJobs.time(now), serial, job.id());
                if (job.approvalsRequired() > 0) {
                    jdbc.update("INSERT INTO ra_approval (request_id, officer, approved_at) VALUES (?, ?, ?)", requestId, job.approvedBy(),
                            BulkJobs.time(job.approvedAt()));
                }
                jdbc.update("UPDATE ra_bulk_row SET status = 'ISSUED', request_id = ?, certificate_serial = ?, finished_at = ? "
                        + "WHERE job_id = ? AND line = ?", requestId, serial, BulkJobs.time(now), job.id(), line);
            });
            return true;
        } catch (PkiException e) {
            if (e.error().kind() == PkiError.Kind.UNAVAILABLE) {
                log.warn("Bulk job {} paused at line {}: {}", job.id(), line, e.getMessage());
                return false;
            }
            fail(job, line, e);
            return true;
        } catch (RuntimeException e) {
            log.error("Line {} of bulk job {} was not issued; it stays pending for the next pass", line, job.id(), e);
            return false;
        }
    }

    /** A row the issuance refused (e.g. the profile changed since the dry run): recorded with its reason, once. */
    private void fail(Job job, int line, PkiException e) {
        transactions.executeWithoutResult(status -> {
            String message = e.getMessage().length() > 1024 ? e.getMessage().substring(0, 1024) : e.getMessage();
            if (jdbc.update("UPDATE ra_bulk_row SET status = 'FAILED', error_code = ?, error_message = ?, finished_at = ? "
                    + "WHERE job_id = ? AND line = ? AND status = 'PENDING'", e.error().code(), message, BulkJobs.time(clock.instant()),
                    job.id(), line) == 1) {
                audit.append(new AuditEvent("bulk.row_failed", job.createdBy(), "local", job.id(),
                        Map.of("line", String.valueOf(line), "code", e.error().code(), "reason", message)));
            }
        });
    }

    /** Marks the job DONE with its final counts once no row is pending; exactly one instance succeeds. */
    private void finishIfDone(Job job) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (jdbc.update("UPDATE ra_bulk_job SET status = 'DONE', finished_at = ?, "
                            + "issued = (SELECT COUNT(*) FROM ra_bulk_row WHERE job_id = ? AND status = 'ISSUED'), "
                            + "failed = (SELECT COUNT(*) FROM ra_bulk_row WHERE job_id = ? AND status = 'FAILED') "
                            + "WHERE id = ? AND status = 'ISSUING' AND NOT EXISTS (SELECT 1 FROM ra_bulk_row WHERE job_id = ? AND status = 'PENDING')",
                    BulkJobs.time(now), job.id(), job.id(), job.id(), job.id()) == 1) {
                Map<String, Object> counts = jdbc.queryForMap("SELECT issued, failed FROM ra_bulk_job WHERE id = ?", job.id());
                audit.append(new AuditEvent("bulk.finished", "system", "local", job.id(),
                        Map.of("issued", String.valueOf(value(counts, "issued")), "failed", String.valueOf(value(counts, "failed")))));
                log.info("Bulk job {} finished: {}", job.id(), counts);
            }
        });
    }

    private static Object value(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value != null ? value : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }
}
