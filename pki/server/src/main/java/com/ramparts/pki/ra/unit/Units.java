package com.ramparts.pki.ra.unit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code ra_unit} table. */
public class Units {

    /** What an upsert did. */
    public enum Change { INSERTED, UPDATED, UNCHANGED }

    private final JdbcTemplate jdbc;

    public Units(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Unit> find(String code) {
        return jdbc.query("SELECT code, name, parent_code, allowed_domains FROM ra_unit WHERE code = ?", UNIT, code).stream().findFirst();
    }

    /** Every unit, or only {@code scope} if not null. */
    public List<Unit> list(String scope) {
        return scope == null ? jdbc.query("SELECT code, name, parent_code, allowed_domains FROM ra_unit ORDER BY code", UNIT)
                : jdbc.query("SELECT code, name, parent_code, allowed_domains FROM ra_unit WHERE code = ? ORDER BY code", UNIT, scope);
    }

    /** Code to parent code of every unit (a few thousand at most), for tree checks. */
    public Map<String, String> parents() {
        Map<String, String> parents = new LinkedHashMap<>();
        jdbc.query("SELECT code, parent_code FROM ra_unit", rs -> {
            parents.put(rs.getString(1), rs.getString(2));
        });
        return parents;
    }

    public Change upsert(Unit unit, Instant now) {
        Optional<Unit> existing = find(unit.code());
        String domains = String.join(" ", unit.allowedDomains());
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO ra_unit (code, name, parent_code, allowed_domains, updated_at) VALUES (?, ?, ?, ?, ?)",
                    unit.code(), unit.name(), unit.parentCode(), domains, now.atOffset(ZoneOffset.UTC));
            return Change.INSERTED;
        }
        if (existing.get().equals(unit)) {
            return Change.UNCHANGED;
        }
        jdbc.update("UPDATE ra_unit SET name = ?, parent_code = ?, allowed_domains = ?, updated_at = ? WHERE code = ?",
                unit.name(), unit.parentCode(), domains, now.atOffset(ZoneOffset.UTC), unit.code());
        return Change.UPDATED;
    }

    private static final RowMapper<Unit> UNIT = (rs, row) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4).isBlank() ? List.of() : Arrays.asList(rs.getString(4).split(" ")));
}
