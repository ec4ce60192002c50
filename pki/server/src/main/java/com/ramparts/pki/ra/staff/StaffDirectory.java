package com.ramparts.pki.ra.staff;

import com.ramparts.pki.ra.unit.Units;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code ra_staff} table. */
public class StaffDirectory {

    private static final String COLUMNS = "staff_id, citizen_id, full_name, unit_code, email, title";

    private final JdbcTemplate jdbc;

    public StaffDirectory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Staff> find(String staffId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ra_staff WHERE staff_id = ?", STAFF, staffId).stream().findFirst();
    }

    /** The staff id holding a citizen id, if any. */
    public Optional<String> holderOf(String citizenId) {
        return jdbc.queryForList("SELECT staff_id FROM ra_staff WHERE citizen_id = ?", String.class, citizenId).stream().findFirst();
    }

    /** A page by staff id; only {@code scope}'s staff if not null. */
    public List<Staff> list(String scope, String after, int limit) {
        String page = " staff_id > ? ORDER BY staff_id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        String from = after == null ? "" : after;
        return scope == null ? jdbc.query("SELECT " + COLUMNS + " FROM ra_staff WHERE" + page, STAFF, from)
                : jdbc.query("SELECT " + COLUMNS + " FROM ra_staff WHERE unit_code = ? AND" + page, STAFF, scope, from);
    }

    public Units.Change upsert(Staff staff, Instant now) {
        Optional<Staff> existing = find(staff.staffId());
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO ra_staff (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", staff.staffId(), staff.citizenId(),
                    staff.fullName(), staff.unitCode(), staff.email(), staff.title(), now.atOffset(ZoneOffset.UTC));
            return Units.Change.INSERTED;
        }
        if (existing.get().equals(staff)) {
            return Units.Change.UNCHANGED;
        }
        jdbc.update("UPDATE ra_staff SET citizen_id = ?, full_name = ?, unit_code = ?, email = ?, title = ?, updated_at = ? WHERE staff_id = ?",
                staff.citizenId(), staff.fullName(), staff.unitCode(), staff.email(), staff.title(), now.atOffset(ZoneOffset.UTC),
                staff.staffId());
        return Units.Change.UPDATED;
    }

    private static final RowMapper<Staff> STAFF = (rs, row) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6));
}
