package com.ramparts.pki.ra.imports;

import com.ramparts.pki.ra.unit.Unit;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks a units CSV ({@code code,name,parent_code,allowed_domains}) against itself and the units already known. */
final class UnitImport {

    static final List<String> HEADER = List.of("code", "name", "parent_code", "allowed_domains");
    private static final String CODE = "[A-Z0-9][A-Z0-9.-]{0,63}";
    private static final String DOMAIN = "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*";

    private UnitImport() {
    }

    /** @return the units in an order where every parent comes before its children */
    static List<Unit> check(CsvTable table, Map<String, String> knownParents, List<RowError> errors) {
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String code = row.get(0);
            String name = Normalizer.normalize(row.get(1), Normalizer.Form.NFC);
            String parent = row.get(2).isEmpty() ? null : row.get(2);
            if (!code.matches(CODE)) {
                errors.add(new RowError(row.line(), "code", "\"" + code + "\" is not a unit code (A-Z 0-9 . -, up to 64, starting with a letter or digit)"));
            } else if (lineOf.containsKey(code)) {
                errors.add(new RowError(row.line(), "code", code + " is a duplicate of line " + lineOf.get(code)));
            }
            if (name.isEmpty() || name.length() > 256 || name.chars().anyMatch(Character::isISOControl)) {
                errors.add(new RowError(row.line(), "name", "a name is 1-256 characters without control characters"));
            }
            if (parent != null && parent.equals(code)) {
                errors.add(new RowError(row.line(), "parent_code", "a unit cannot be its own parent"));
            }
            List<String> domains = row.get(3).isEmpty() ? List.of()
                    : Arrays.stream(row.get(3).toLowerCase(Locale.ROOT).split("[ ;]+")).filter(d -> !d.isEmpty()).toList();
            for (String domain : domains) {
                if (!domain.matches(DOMAIN)) {
                    errors.add(new RowError(row.line(), "allowed_domains", "\"" + domain + "\" is not a DNS domain"));
                }
            }
            if (errors.size() == before) {
                units.put(code, new Unit(code, name, parent, domains));
                lineOf.put(code, row.line());
            } else {
                lineOf.putIfAbsent(code, row.line());
            }
        }
        Map<String, String> parents = new HashMap<>(knownParents);
        units.values().forEach(u -> parents.put(u.code(), u.parentCode()));
        for (Unit unit : units.values()) {
            int line = lineOf.get(unit.code());
            if (unit.parentCode() != null && !parents.containsKey(unit.parentCode())) {
                errors.add(new RowError(line, "parent_code", "unit " + unit.parentCode() + " is neither known nor in this file"));
                continue;
            }
            Set<String> path = new LinkedHashSet<>();
            for (String at = unit.code(); at != null; at = parents.get(at)) {
                if (!path.add(at)) {
                    errors.add(new RowError(line, "parent_code", "the parents form a cycle: " + String.join(" -> ", path) + " -> " + at));
                    break;
                }
            }
        }
        List<Unit> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Unit unit : units.values()) {
            place(unit, units, placed, ordered, 0);
        }
        return ordered;
    }

    private static void place(Unit unit, Map<String, Unit> units, Set<String> placed, List<Unit> ordered, int depth) {
        if (placed.contains(unit.code()) || depth > units.size()) {
            return;
        }
        Unit parent = unit.parentCode() == null ? null : units.get(unit.parentCode());
        if (parent != null) {
            place(parent, units, placed, ordered, depth + 1);
        }
        placed.add(unit.code());
        ordered.add(unit);
    }
}
