package com.ramparts.pki.ra.imports;

import com.ramparts.pki.audit.AuditActor;
import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.ra.staff.Staff;
import com.ramparts.pki.ra.staff.StaffDirectory;
import com.ramparts.pki.ra.unit.Unit;
import com.ramparts.pki.ra.unit.Units;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Units and staff imports: check every row; write all of them in one transaction only if none is bad. */
public class Imports {

    private final Units units;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Imports(Units units, StaffDirectory staff, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.units = units;
        this.staff = staff;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ImportReport units(byte[] csv, boolean dryRun, AuditActor by) {
        CsvTable table = CsvTable.parse(csv, UnitImport.HEADER);
        List<RowError> errors = new ArrayList<>(table.errors());
        List<Unit> checked = UnitImport.check(table, units.parents(), errors);
        return write("units", table.rows().size(), errors, checked, units::upsert, dryRun, by);
    }

    public ImportReport staff(byte[] csv, boolean dryRun, AuditActor by) {
        CheckedStaff checked = checkStaff(csv);
        return writeStaff(checked, dryRun, by);
    }

    /**
     * A staff CSV checked exactly as {@link #staff} checks it, without writing anything: the good
     * records with the line each came from, and every bad row. Bulk issuance builds on this.
     */
    public record CheckedStaff(int rows, List<Staff> staff, Map<String, Integer> lineOf, List<RowError> errors) {

        public CheckedStaff {
            staff = List.copyOf(staff);
            lineOf = Map.copyOf(lineOf);
            errors = List.copyOf(errors);
        }
    }

    public CheckedStaff checkStaff(byte[] csv) {
        CsvTable table = CsvTable.parse(csv, StaffImport.HEADER);
        List<RowError> errors = new ArrayList<>(table.errors());
        List<Staff> checked = StaffImport.check(table, units.parents().keySet(), staff::holderOf, errors);
        Map<String, Integer> lines = new java.util.HashMap<>();
        table.rows().forEach(row -> lines.putIfAbsent(row.get(0), row.line()));
        return new CheckedStaff(table.rows().size(), checked, lines, errors);
    }

    /** Writes checked staff records (inside the caller's transaction if there is one); nothing if any row was bad. */
    public ImportReport writeStaff(CheckedStaff checked, boolean dryRun, AuditActor by) {
        return write("staff", checked.rows(), new ArrayList<>(checked.errors()), checked.staff(), staff::upsert, dryRun, by);
    }

    private interface Upsert<T> {
        Units.Change apply(T record, Instant now);
    }

    private <T> ImportReport write(String what, int rows, List<RowError> errors, List<T> records, Upsert<T> upsert, boolean dryRun,
                                   AuditActor by) {
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        if (dryRun || !errors.isEmpty()) {
            return new ImportReport(dryRun, false, rows, 0, 0, 0, errors);
        }
        Map<Units.Change, Integer> counts = new EnumMap<>(Units.Change.class);
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (T record : records) {
                counts.merge(upsert.apply(record, now), 1, Integer::sum);
            }
            audit.append(AuditEvent.of("ra.import." + what, by, what, Map.of("rows", String.valueOf(records.size()),
                    "inserted", String.valueOf(counts.getOrDefault(Units.Change.INSERTED, 0)),
                    "updated", String.valueOf(counts.getOrDefault(Units.Change.UPDATED, 0)))));
        });
        Function<Units.Change, Integer> count = c -> counts.getOrDefault(c, 0);
        return new ImportReport(false, true, rows, count.apply(Units.Change.INSERTED), count.apply(Units.Change.UPDATED),
                count.apply(Units.Change.UNCHANGED), errors);
    }
}
