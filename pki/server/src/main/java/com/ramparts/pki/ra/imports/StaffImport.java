package com.ramparts.pki.ra.imports;

import com.ramparts.pki.ra.staff.Staff;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Checks a staff CSV ({@code staff_id,citizen_id,full_name,unit_code,email,title}). */
final class StaffImport {

    static final List<String> HEADER = List.of("staff_id", "citizen_id", "full_name", "unit_code", "email", "title");
    private static final String STAFF_ID = "[A-Za-z0-9.-]{1,64}";
    private static final String CITIZEN_ID = "[0-9]{12}";
    private static final String EMAIL = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";
    private static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]{0,63}";

    private StaffImport() {
    }

    /**
     * @param units the known unit codes
     * @param holderOf the staff id that already holds a citizen id, if any
     */
    static List<Staff> check(CsvTable table, Set<String> units, Function<String, Optional<String>> holderOf, List<RowError> errors) {
        List<Staff> staff = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> citizens = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String id = row.get(0);
            String citizen = row.get(1);
            String name = Normalizer.normalize(row.get(2), Normalizer.Form.NFC);
            String unit = row.get(3);
            String email = row.get(4);
            String title = row.get(5).isEmpty() ? null : Normalizer.normalize(row.get(5), Normalizer.Form.NFC);
            if (!id.matches(STAFF_ID)) {
                errors.add(new RowError(row.line(), "staff_id", "\"" + id + "\" is not a staff id (1-64 of A-Z a-z 0-9 . -)"));
            } else if (ids.putIfAbsent(id, row.line()) != null) {
                errors.add(new RowError(row.line(), "staff_id", id + " is a duplicate of line " + ids.get(id)));
            }
            if (!citizen.matches(CITIZEN_ID)) {
                errors.add(new RowError(row.line(), "citizen_id", "a citizen id is 12 digits"));
            } else if (citizens.putIfAbsent(citizen, row.line()) != null) {
                errors.add(new RowError(row.line(), "citizen_id", "the same citizen id is on line " + citizens.get(citizen)));
            } else {
                holderOf.apply(citizen).filter(holder -> !holder.equals(id)).ifPresent(holder -> errors.add(
                        new RowError(row.line(), "citizen_id", "the citizen id already belongs to staff " + holder)));
            }
            if (!name.matches(NAME)) {
                errors.add(new RowError(row.line(), "full_name", "a full name is 1-64 letters, spaces and . ' -"));
            }
            if (!units.contains(unit)) {
                errors.add(new RowError(row.line(), "unit_code", "unit " + unit + " is not known; import the units first"));
            }
            if (email.length() > 254 || !email.matches(EMAIL)) {
                errors.add(new RowError(row.line(), "email", "\"" + email + "\" is not an email address"));
            }
            if (title != null && (title.length() > 64 || title.chars().anyMatch(Character::isISOControl))) {
                errors.add(new RowError(row.line(), "title", "a title is at most 64 characters"));
            }
            if (errors.size() == before) {
                staff.add(new Staff(id, citizen, name, unit, email, title));
            }
        }
        return staff;
    }
}
