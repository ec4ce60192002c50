package com.ramparts.pki.bulk;

import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.profile.Profiles;
import com.ramparts.pki.ra.Caller;
import com.ramparts.pki.ra.imports.Imports;
import com.ramparts.pki.ra.imports.RowError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Bulk jobs in SQL: created from a checked upload (with the staff records imported in the same
 * transaction), approved by a second officer, and read with their progress and per-row report.
 */
public class BulkJobs {

    private static final int INSERT_BATCH = 1000;
    private static final String JOB_COLUMNS = "id, status, profile, ca_name, total, created_by, created_at, approvals_required, "
            + "approved_by, approved_at, finished_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BulkValidation validation;
    private final Imports imports;
    private final Profiles profiles;
    private final com.ramparts.pki.ca.CertificateAuthorities cas;
    private final AuditLog audit;
    private final String profile;
    private final ToIntFunction<String> approvalsRequired;
    private final BulkUpload.Limits limits;
    private final Runnable wake;
    private final Clock clock;

    /**
     * @param approvalsRequired approvals a profile needs (the RA's rule); a job of a profile that needs any waits for a second officer
     * @param wake tells the issuer there is work
     */
    BulkJobs(JdbcTemplate jdbc, TransactionTemplate transactions, BulkValidation validation, Imports imports, Profiles profiles,
             com.ramparts.pki.ca.CertificateAuthorities cas, AuditLog audit, String profile, ToIntFunction<String> approvalsRequired, BulkUpload.Limits limits, Runnable wake, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.validation = validation;
        this.imports = imports;
        this.profiles = profiles;
        this.cas = cas;
        this.audit = audit;
        this.profile = profile;
        this.approvalsRequired = approvalsRequired;
        this.limits = limits;
        this.wake = wake;
        this.clock = clock;
    }

    /**
     * Reads and checks an upload; unless it is a dry run or any row is bad, imports its staff and creates the job.
     *
     * @param ca the issuing CA, or null for the profile's default
     */
    public BulkReport create(InputStream zip, boolean dryRun, String ca, Caller by) {
        String caName = profiles.require(profile).issuerFor(ca);
        MessageDigest sha256 = sha256();
        BulkUpload upload;
        try {
            InputStream body = new DigestInputStream(new java.io.FilterInputStream(zip) {
                @Override
                public void close() { // the zip reader closes its input; the rest of the body is still to be digested
                }
            }, sha256);
            upload = BulkUpload.read(body, limits);
            body.transferTo(java.io.OutputStream.nullOutputStream()); // the digest covers the whole body
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BulkValidation.Result result = validation.check(upload, profile);
        int rows = result.staff() == null ? 0 : result.staff().rows();
        List<RowError> errors = result.errors();
        if (errors.isEmpty() && result.rows().isEmpty()) {
            errors = List.of(new RowError(0, "staff.csv", "staff.csv has no staff rows"));
        }
        if (dryRun || !errors.isEmpty()) {
            return new BulkReport(dryRun, rows, errors.isEmpty() ? result.rows().size() : countReady(result), errors, null);
        }
        String id = UUID.randomUUID().toString();
        String digest = HexFormat.of().formatHex(sha256.digest());
        int approvals = approvalsRequired.applyAsInt(profile);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        transactions.executeWithoutResult(status -> {
            imports.writeStaff(result.staff(), false, by.actor());
            jdbc.update("INSERT INTO ra_bulk_job (id, status, dry_run, total, validated, issued, failed, created_by, created_at, profile, "
                            + "ca_name, upload_sha256, approvals_required, approved_by, approved_at) VALUES (?, ?, FALSE, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, approvals == 0 ? "ISSUING" : "VALID", result.rows().size(), result.rows().size(), by.name(), time(now), profile, caName,
                    digest, approvals, approvals == 0 ? by.name() : null, approvals == 0 ? time(now) : null);
            List<BulkValidation.Row> all = result.rows();
            for (int from = 0; from < all.size(); from += INSERT_BATCH) {
                List<Object[]> batch = new ArrayList<>();
                for (BulkValidation.Row row : all.subList(from, Math.min(all.size(), from + INSERT_BATCH))) {
                    batch.add(new Object[]{id, row.line(), row.staffId(), row.unitCode(), row.csr(), row.publicKeySha256()});
                }
                jdbc.batchUpdate("INSERT INTO ra_bulk_row (job_id, line, staff_id, unit_code, csr, public_key_sha256, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING')", batch);
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("rows", String.valueOf(all.size()));
            details.put("profile", profile);
            details.put("ca", caName);
            details.put("uploadSha256", digest);
            details.put("approvalsRequired", String.valueOf(approvals));
            audit.append(AuditEvent.of("bulk.created", by.actor(), id, details));
        });
        if (approvals == 0) {
            wake.run();
        }
        return new BulkReport(false, rows, result.rows().size(), List.of(), find(id));
    }

    /** The second officer's approval: the job starts issuing. */
    public BulkJobView approve(String id, Caller officer) {
        transactions.executeWithoutResult(status -> {
            List<Map<String, Object>> found = jdbc.queryForList("SELECT status, created_by FROM ra_bulk_job WHERE id = ? FOR UPDATE", id);
            if (found.isEmpty()) {
                throw new PkiException(PkiError.RA_BULK_JOB_NOT_FOUND, "id", id);
            }
            Map<String, Object> job = lowerCase(found.getFirst());
            if (!"VALID".equals(job.get("status"))) {
                throw new PkiException(PkiError.RA_BULK_JOB_NOT_AWAITING_APPROVAL, "id", id, job.get("status"));
            }
            if (officer.name().equals(job.get("created_by"))) {
                throw new PkiException(PkiError.RA_BULK_APPROVAL_BY_CREATOR, "id", officer.name(), id);
            }
            jdbc.update("UPDATE ra_bulk_job SET status = 'ISSUING', approved_by = ?, approved_at = ? WHERE id = ?", officer.name(),
                    time(clock.instant().truncatedTo(ChronoUnit.MILLIS)), id);
            audit.append(AuditEvent.of("bulk.approved", officer.actor(), id, Map.of()));
        });
        wake.run();
        return find(id);
    }

    public BulkJobView find(String id) {
        List<BulkJobView> found = jdbc.query("SELECT " + JOB_COLUMNS + " FROM ra_bulk_job WHERE id = ?", (rs, n) -> view(rs), id);
        if (found.isEmpty()) {
            throw new PkiException(PkiError.RA_BULK_JOB_NOT_FOUND, "id", id);
        }
        return found.getFirst();
    }

    /** Jobs, newest first. */
    public List<BulkJobView> list(int limit) {
        return jdbc.query("SELECT " + JOB_COLUMNS + " FROM ra_bulk_job ORDER BY created_at DESC, id FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY", (rs, n) -> view(rs));
    }

    /** A page of a job's rows in line order (keyset: pass the last line seen). */
    public List<BulkRowView> rows(String id, String status, int afterLine, int limit) {
        find(id);
        String filter = status == null ? "" : " AND status = '" + switch (status.toUpperCase(java.util.Locale.ROOT)) {
            case "PENDING" -> "PENDING";
            case "ISSUED" -> "ISSUED";
            case "FAILED" -> "FAILED";
            default -> throw new PkiException(PkiError.REQUEST_MALFORMED, "status", "status is PENDING, ISSUED or FAILED");
        } + "'";
        return jdbc.query("SELECT line, staff_id, unit_code, status, request_id, certificate_serial, error_code, error_message, finished_at "
                        + "FROM ra_bulk_row WHERE job_id = ? AND line > ?" + filter + " ORDER BY line FETCH FIRST "
                        + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY",
                (rs, n) -> new BulkRowView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), instant(rs, 9)), id, afterLine);
    }

    /** The issued certificates of a job by staff id, in line order, a page at a time (for the delivery zip). */
    public void forEachIssued(String id, java.util.function.BiConsumer<String, byte[]> sink) {
        find(id);
        int after = 0;
        while (true) {
            int[] last = {-1};
            jdbc.query("SELECT r.line, r.staff_id, c.der FROM ra_bulk_row r JOIN certificate c ON c.serial_number = r.certificate_serial "
                    + "WHERE r.job_id = ? AND r.status = 'ISSUED' AND r.line > ? ORDER BY r.line FETCH FIRST 1000 ROWS ONLY", rs -> {
                last[0] = rs.getInt(1);
                sink.accept(rs.getString(2), rs.getBytes(3));
            }, id, after);
            if (last[0] < 0) {
                return;
            }
            after = last[0];
        }
    }

    /** The issuing CA and its issuers up to the root, PEM. */
    public String chainPem(String caName) {
        return com.ramparts.pki.x509.Pem.certificates(cas.require(caName).chain());
    }

    private int countReady(BulkValidation.Result result) {
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        result.errors().forEach(e -> bad.add(e.row()));
        return (int) result.rows().stream().filter(r -> !bad.contains(r.line())).count();
    }

    private BulkJobView view(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM ra_bulk_row WHERE job_id = ? GROUP BY status",
                (java.sql.ResultSet r) -> {
                    counts.put(r.getString(1), r.getInt(2));
                }, id);
        return new BulkJobView(id, rs.getString("status"), rs.getString("profile"), rs.getString("ca_name"), rs.getInt("total"),
                counts.getOrDefault("PENDING", 0), counts.getOrDefault("ISSUED", 0), counts.getOrDefault("FAILED", 0),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("approvals_required"), rs.getString("approved_by"),
                instant(rs, "approved_at"), instant(rs, "finished_at"));
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> lower = new LinkedHashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
