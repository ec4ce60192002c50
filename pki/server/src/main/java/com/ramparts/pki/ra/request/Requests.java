package com.ramparts.pki.ra.request;

import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.csr.CertificationRequests;
import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.issuance.IssuanceRequest;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.profile.CertificateProfile;
import com.ramparts.pki.profile.Profiles;
import com.ramparts.pki.ra.Caller;
import com.ramparts.pki.ra.staff.Staff;
import com.ramparts.pki.ra.staff.StaffDirectory;
import com.ramparts.pki.ra.unit.Unit;
import com.ramparts.pki.ra.unit.Units;
import com.ramparts.pki.x509.Pem;
import com.ramparts.pki.x509.SerialNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

/** The request lifecycle: submit, approve (dual control where required), issue, reject; renew. */
public class Requests {

    /**
     * @param unit the unit the certificate is for; a requester's own unit if null
     * @param staffId the staff member (staff-signing only)
     * @param renewalOf the serial (hex) of the certificate being renewed, or null
     */
    public record Submission(String profile, String csr, String unit, String staffId, String ca, String renewalOf) {
    }

    private static final String COLUMNS = "id, unit_code, staff_id, profile, ca_name, csr, public_key_sha256, status, approvals_required, "
            + "renewal_of, submitted_by, submitted_from, submitted_at, decided_by, decided_at, rejection_reason, certificate_serial";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Units units;
    private final StaffDirectory staff;
    private final Profiles profiles;
    private final IssuanceService issuance;
    private final CertificateInventory inventory;
    private final AuditLog audit;
    private final Map<String, Integer> approvals;
    private final int csrMaxBytes;
    private final Clock clock;

    public Requests(JdbcTemplate jdbc, TransactionTemplate transactions, Units units, StaffDirectory staff, Profiles profiles,
                    IssuanceService issuance, CertificateInventory inventory, AuditLog audit, Map<String, Integer> approvals,
                    int csrMaxBytes, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.units = units;
        this.staff = staff;
        this.profiles = profiles;
        this.issuance = issuance;
        this.inventory = inventory;
        this.audit = audit;
        this.approvals = Map.copyOf(approvals);
        this.csrMaxBytes = csrMaxBytes;
        this.clock = clock;
    }

    /** Approvals a profile's requests need: configured, else one; never fewer than two for unit seals. */
    public int approvalsRequired(String profile) {
        int configured = approvals.getOrDefault(profile, 1);
        return "unit-signing".equals(profile) ? Math.max(2, configured) : Math.max(0, configured);
    }

    public RequestView submit(Caller caller, Submission submission) {
        if (submission.csr() == null || submission.csr().isBlank()) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "csr", "csr");
        }
        String profileName = submission.profile();
        String unitCode = submission.unit();
        String staffId = submission.staffId();
        String renewalOf = null;
        Boolean rekey = null;
        byte[] csrBytes = submission.csr().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ParsedCsr csr = CertificationRequests.parse(csrBytes, csrMaxBytes);
        String keyHash = sha256(csr);
        if (submission.renewalOf() != null) {
            BigInteger serial = SerialNumbers.parseHex(submission.renewalOf())
                    .orElseThrow(() -> new PkiException(PkiError.SERIAL_MALFORMED, "renewalOf", submission.renewalOf()));
            renewalOf = SerialNumbers.hex(serial);
            Map<String, Object> original = jdbc.queryForList("SELECT unit_code, staff_id, profile FROM ra_request WHERE certificate_serial = ?",
                    renewalOf).stream().findFirst().orElse(null);
            CertificateRecord certificate = inventory.find(serial).orElse(null);
            if (certificate == null || original == null && caller.scope() != null
                    || original != null && !caller.sees((String) original.get("unit_code"))) {
                throw new PkiException(PkiError.CERTIFICATE_NOT_FOUND, "renewalOf", renewalOf);
            }
            if (certificate.status() != CertificateStatus.VALID) {
                throw new PkiException(PkiError.RA_RENEWAL_NOT_RENEWABLE, "renewalOf", renewalOf, certificate.status().name());
            }
            profileName = certificate.profile();
            if (original != null) {
                unitCode = (String) original.get("unit_code");
                staffId = (String) original.get("staff_id");
            }
            rekey = !certificate.publicKeySha256().equals(keyHash);
        }
        if (caller.scope() != null) {
            if (unitCode != null && !unitCode.equals(caller.scope())) {
                throw new PkiException(PkiError.RA_UNIT_NOT_FOUND, "unit", unitCode);
            }
            unitCode = caller.scope();
        }
        if (unitCode == null) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "unit", "unit");
        }
        String unitName = unitCode;
        Unit unit = units.find(unitCode).orElseThrow(() -> new PkiException(PkiError.RA_UNIT_NOT_FOUND, "unit", unitName));
        if (profileName == null || profileName.isBlank()) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "profile", "profile");
        }
        CertificateProfile profile = profiles.require(profileName);
        String ca = profile.issuerFor(submission.ca());
        Staff person = null;
        if ("staff-signing".equals(profileName)) {
            if (staffId == null) {
                throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "staffId", "staffId");
            }
            String id = staffId;
            person = staff.find(staffId).filter(s -> s.unitCode().equals(unit.code()))
                    .orElseThrow(() -> new PkiException(PkiError.RA_STAFF_NOT_FOUND, "staffId", id, unit.code()));
        }
        RecordCheck.check(profileName, profile.apply(csr), unit, person);

        String id = UUID.randomUUID().toString();
        int required = approvalsRequired(profileName);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String finalProfile = profileName;
        String finalStaff = person == null ? null : person.staffId();
        String finalRenewal = renewalOf;
        Boolean finalRekey = rekey;
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO ra_request (id, unit_code, staff_id, profile, ca_name, csr, public_key_sha256, status, approvals_required, "
                            + "renewal_of, submitted_by, submitted_from, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?)",
                    id, unit.code(), finalStaff, finalProfile, ca, csrBytes, keyHash, required, finalRenewal, caller.name(), caller.source(),
                    time(now));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("profile", finalProfile);
            details.put("unit", unit.code());
            details.put("approvalsRequired", String.valueOf(required));
            if (finalStaff != null) {
                details.put("staff", finalStaff);
            }
            if (finalRenewal != null) {
                details.put("renewalOf", finalRenewal);
                details.put("rekey", String.valueOf(finalRekey));
            }
            audit.append(AuditEvent.of(finalRenewal == null ? "request.submitted" : "request.renewal_submitted", caller.actor(), id, details));
            if (required == 0) {
                issue(id, caller);
            }
        });
        return view(caller, id);
    }

    public RequestView approve(Caller officer, String id) {
        transactions.executeWithoutResult(status -> {
            Map<String, Object> request = lock(officer, id);
            if (!"SUBMITTED".equals(request.get("status"))) {
                throw new PkiException(PkiError.RA_REQUEST_NOT_PENDING, "id", id, request.get("status"));
            }
            if (officer.name().equals(request.get("submitted_by"))) {
                throw new PkiException(PkiError.RA_APPROVAL_BY_SUBMITTER, "id", officer.name(), id);
            }
            Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM ra_approval WHERE request_id = ? AND officer = ?", Integer.class,
                    id, officer.name());
            if (already != null && already > 0) {
                throw new PkiException(PkiError.RA_APPROVAL_DUPLICATE, "id", officer.name(), id);
            }
            jdbc.update("INSERT INTO ra_approval (request_id, officer, approved_from, approved_at) VALUES (?, ?, ?, ?)", id, officer.name(),
                    officer.source(), time(clock.instant()));
            Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM ra_approval WHERE request_id = ?", Integer.class, id);
            int required = ((Number) request.get("approvals_required")).intValue();
            audit.append(AuditEvent.of("request.approved", officer.actor(), id,
                    Map.of("approvals", String.valueOf(count), "approvalsRequired", String.valueOf(required))));
            if (count != null && count >= required) {
                issue(id, officer);
            }
        });
        return view(officer, id);
    }

    public RequestView reject(Caller officer, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "reason", "reason");
        }
        String why = reason.strip().length() > 1024 ? reason.strip().substring(0, 1024) : reason.strip();
        transactions.executeWithoutResult(status -> {
            Map<String, Object> request = lock(officer, id);
            if (!"SUBMITTED".equals(request.get("status"))) {
                throw new PkiException(PkiError.RA_REQUEST_NOT_PENDING, "id", id, request.get("status"));
            }
            jdbc.update("UPDATE ra_request SET status = 'REJECTED', decided_by = ?, decided_at = ?, rejection_reason = ? WHERE id = ?",
                    officer.name(), time(clock.instant()), why, id);
            audit.append(AuditEvent.of("request.rejected", officer.actor(), id, Map.of("reason", why)));
        });
        return view(officer, id);
    }

    /** Issues an approved request, inside the caller's transaction. */
    private void issue(String id, Caller by) {
        Map<String, Object> request = jdbc.queryForMap("SELECT csr, profile, ca_name, submitted_by FROM ra_request WHERE id = ?", id);
        IssuedCertificate issued = issuance.issue(new IssuanceRequest((byte[]) request.get("csr"), (String) request.get("profile"),
                (String) request.get("ca_name"), (String) request.get("submitted_by")));
        String serial = SerialNumbers.hex(issued.record().serialNumber());
        jdbc.update("UPDATE ra_request SET status = 'ISSUED', decided_by = ?, decided_at = ?, certificate_serial = ? WHERE id = ?",
                by.name(), time(clock.instant()), serial, id);
        audit.append(AuditEvent.of("request.issued", by.actor(), id, Map.of("serial", serial)));
    }

    private Map<String, Object> lock(Caller caller, String id) {
        List<Map<String, Object>> rows = caller.scope() == null
                ? jdbc.queryForList("SELECT status, submitted_by, approvals_required FROM ra_request WHERE id = ? FOR UPDATE", id)
                : jdbc.queryForList("SELECT status, submitted_by, approvals_required FROM ra_request WHERE id = ? AND unit_code = ? FOR UPDATE",
                id, caller.scope());
        if (rows.isEmpty()) {
            throw new PkiException(PkiError.RA_REQUEST_NOT_FOUND, "id", id);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        rows.getFirst().forEach((k, v) -> row.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return row;
    }

    /** A request the caller may see; 404 for others, whether they exist or not. */
    public RequestView view(Caller caller, String id) {
        List<RequestView> found = query(caller, " AND id = ?", List.of(id), 1);
        if (found.isEmpty()) {
            throw new PkiException(PkiError.RA_REQUEST_NOT_FOUND, "id", id);
        }
        return found.getFirst();
    }

    /** Requests the caller may see, newest first. */
    public List<RequestView> list(Caller caller, String status, String unit, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> arguments = new ArrayList<>();
        if (status != null) {
            where.append(" AND status = ?");
            arguments.add(status.toUpperCase(java.util.Locale.ROOT));
        }
        if (unit != null) {
            where.append(" AND unit_code = ?");
            arguments.add(unit);
        }
        return query(caller, where.toString(), arguments, limit);
    }

    private List<RequestView> query(Caller caller, String where, List<Object> arguments, int limit) {
        List<Object> all = new ArrayList<>();
        String scope = "";
        if (caller.scope() != null) {
            scope = " AND unit_code = ?";
            all.add(caller.scope());
        }
        all.addAll(arguments);
        return jdbc.query("SELECT " + COLUMNS + " FROM ra_request WHERE 1 = 1" + scope + where + " ORDER BY submitted_at DESC, id FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", (rs, row) -> {
            String id = rs.getString("id");
            String serial = rs.getString("certificate_serial");
            String renewal = rs.getString("renewal_of");
            Boolean rekey = null;
            if (renewal != null) {
                rekey = inventory.find(new BigInteger(renewal, 16)).map(c -> !c.publicKeySha256().equals(safe(rs, "public_key_sha256")))
                        .orElse(null);
            }
            return new RequestView(id, rs.getString("unit_code"), rs.getString("staff_id"), rs.getString("profile"), rs.getString("ca_name"),
                    rs.getString("status"), rs.getInt("approvals_required"), approvals(id), renewal, rekey, rs.getString("submitted_by"),
                    rs.getString("submitted_from"), instant(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getString("decided_by"),
                    instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("rejection_reason"), serial,
                    serial == null ? null : inventory.find(new BigInteger(serial, 16)).map(c -> Pem.encode("CERTIFICATE", c.der())).orElse(null));
        }, all.toArray());
    }

    private List<RequestView.Approval> approvals(String id) {
        return jdbc.query("SELECT officer, approved_from, approved_at FROM ra_approval WHERE request_id = ? ORDER BY approved_at, officer",
                (rs, row) -> new RequestView.Approval(rs.getString(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class))), id);
    }

    private static String safe(java.sql.ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(ParsedCsr csr) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csr.publicKey().getEncoded()));
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
