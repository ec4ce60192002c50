package com.ramparts.soc.unit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code soc_unit} table. */
public class UnitStore {

    /** What one replacement did. */
    public record Changes(int inserted, int updated, int unchanged, int deleted) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public UnitStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public List<Unit> all() {
        return jdbc.sql("select unit_id, name_vi, name_en, parent_id, district_id, contact_email, cert_state, cert_serial,"
                + " cert_not_after, synced_at from soc_unit order by unit_id").query((rs, row) -> unit(rs)).list();
    }

    /**
     * Makes the table exactly {@code units}, in one transaction: new units inserted, changed ones updated, units
     * pki no longer has deleted. Unchanged rows are not touched (their {@code synced_at} stays), so a repeated sync
     * writes nothing.
     */
    public Changes replaceAll(List<Unit> units) {
        return transactions.execute(status -> {
            Map<String, Unit> existing = new HashMap<>();
            all().forEach(unit -> existing.put(unit.unitId(), unit));
            int inserted = 0;
            int updated = 0;
            int unchanged = 0;
            for (Unit unit : units) {
                Unit before = existing.get(unit.unitId());
                if (before == null) {
                    jdbc.sql("insert into soc_unit (unit_id, name_vi, name_en, parent_id, district_id, contact_email, cert_state,"
                                    + " cert_serial, cert_not_after, synced_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                            .params(unit.unitId(), unit.nameVi(), unit.nameEn(), unit.parentId(), unit.districtId(),
                                    unit.contactEmail(), unit.certificate().state().name(), unit.certificate().serial(),
                                    odt(unit.certificate().notAfter()), odt(unit.syncedAt()))
                            .update();
                    inserted++;
                } else if (sameContent(before, unit)) {
                    unchanged++;
                } else {
                    jdbc.sql("update soc_unit set name_vi = ?, name_en = ?, parent_id = ?, district_id = ?, contact_email = ?,"
                                    + " cert_state = ?, cert_serial = ?, cert_not_after = ?, synced_at = ? where unit_id = ?")
                            .params(unit.nameVi(), unit.nameEn(), unit.parentId(), unit.districtId(), unit.contactEmail(),
                                    unit.certificate().state().name(), unit.certificate().serial(),
                                    odt(unit.certificate().notAfter()), odt(unit.syncedAt()), unit.unitId())
                            .update();
                    updated++;
                }
            }
            Set<String> kept = units.stream().map(Unit::unitId).collect(Collectors.toSet());
            int deleted = 0;
            for (String gone : existing.keySet()) {
                if (!kept.contains(gone)) {
                    deleted += jdbc.sql("delete from soc_unit where unit_id = ?").param(gone).update();
                }
            }
            return new Changes(inserted, updated, unchanged, deleted);
        });
    }

    private static boolean sameContent(Unit a, Unit b) {
        return a.nameVi().equals(b.nameVi()) && Objects.equals(a.nameEn(), b.nameEn()) && Objects.equals(a.parentId(), b.parentId())
                && a.districtId().equals(b.districtId()) && Objects.equals(a.contactEmail(), b.contactEmail())
                && a.certificate().state() == b.certificate().state()
                && Objects.equals(a.certificate().serial(), b.certificate().serial())
                && Objects.equals(a.certificate().notAfter(), b.certificate().notAfter());
    }

    private static Unit unit(ResultSet rs) throws SQLException {
        return new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                new UnitCertificate(CertificateState.valueOf(rs.getString(7)), rs.getString(8), instant(rs, 9)), instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
