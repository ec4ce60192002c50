package com.ramparts.pki.bulk;

import com.ramparts.pki.csr.CertificationRequests;
import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.profile.CertificateProfile;
import com.ramparts.pki.profile.Profiles;
import com.ramparts.pki.ra.imports.Imports;
import com.ramparts.pki.ra.imports.RowError;
import com.ramparts.pki.ra.request.RecordCheck;
import com.ramparts.pki.ra.staff.Staff;
import com.ramparts.pki.ra.unit.Unit;
import com.ramparts.pki.ra.unit.Units;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The dry run of a bulk job: the staff CSV goes through the RA's own staff import check, and each
 * staff member's CSR through the same checks a single request gets (size, DER, proof of possession,
 * key type, the profile, and that CN, serialNumber, UID and email are the RA record's). Every
 * problem is reported with the CSV line it belongs to.
 */
final class BulkValidation {

    /** A row ready to issue. */
    record Row(int line, String staffId, String unitCode, byte[] csr, String publicKeySha256) {
    }

    /** What the check found: the rows (all of them good only if {@code errors} is empty) and the staff records to import. */
    record Result(Imports.CheckedStaff staff, List<Row> rows, List<RowError> errors) {
    }

    private final Imports imports;
    private final Units units;
    private final Profiles profiles;
    private final int csrMaxBytes;

    BulkValidation(Imports imports, Units units, Profiles profiles, int csrMaxBytes) {
        this.imports = imports;
        this.units = units;
        this.profiles = profiles;
        this.csrMaxBytes = csrMaxBytes;
    }

    Result check(BulkUpload upload, String profileName) {
        List<RowError> errors = new ArrayList<>(upload.errors());
        if (!upload.errors().isEmpty() && upload.staffCsv().length == 0) {
            return new Result(null, List.of(), errors);
        }
        Imports.CheckedStaff checked = imports.checkStaff(upload.staffCsv());
        errors.addAll(checked.errors());
        CertificateProfile profile = profiles.require(profileName);
        Map<String, Unit> unitCache = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Staff person : checked.staff()) {
            int line = checked.lineOf().get(person.staffId());
            byte[] csr = upload.csrs().get(person.staffId());
            if (csr == null) {
                errors.add(new RowError(line, "csr", "the zip has no CSR for staff " + person.staffId() + " (" + person.staffId() + ".csr)"));
                continue;
            }
            try {
                ParsedCsr parsed = CertificationRequests.parse(csr, csrMaxBytes);
                Unit unit = unitCache.computeIfAbsent(person.unitCode(), code -> units.find(code).orElseThrow());
                RecordCheck.check(profileName, profile.apply(parsed), unit, person);
                String key = sha256(parsed);
                Integer other = keys.putIfAbsent(key, line);
                if (other != null) {
                    errors.add(new RowError(line, "csr", "the CSR has the same key as the one on line " + other + "; every person needs their own key"));
                    continue;
                }
                rows.add(new Row(line, person.staffId(), person.unitCode(), csr, key));
            } catch (PkiException e) {
                errors.add(new RowError(line, e.field() == null || e.field().startsWith("csr") ? "csr" : "csr." + e.field(), e.getMessage()));
            }
        }
        upload.csrs().keySet().stream().filter(id -> !checked.lineOf().containsKey(id)).sorted()
                .forEach(id -> errors.add(new RowError(0, id + ".csr", "a CSR for staff " + id + ", who is not in staff.csv")));
        errors.sort(Comparator.comparingInt(RowError::row));
        return new Result(checked, rows, errors);
    }

    static String sha256(ParsedCsr csr) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csr.publicKey().getEncoded()));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
