package com.ramparts.soc.unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Districts from pki's unit tree: a unit's district is its ancestor at {@code districtDepth} (0 = the tree's
 * roots); a unit at or above that depth is its own district. A parent that pki did not list, or a cycle, ends
 * the walk where it is found, so a broken tree still gives every unit a district.
 */
final class UnitTree {

    private UnitTree() {
    }

    static Map<String, String> districts(List<PkiRegistry.PkiUnit> units, int districtDepth) {
        Map<String, String> parents = new HashMap<>();
        units.forEach(unit -> parents.put(unit.code(), unit.parentCode()));
        Map<String, String> districts = new HashMap<>();
        for (PkiRegistry.PkiUnit unit : units) {
            List<String> path = new ArrayList<>(); // the unit, its parent, ... up to the root
            Set<String> seen = new HashSet<>();
            for (String at = unit.code(); at != null && parents.containsKey(at) && seen.add(at); at = parents.get(at)) {
                path.add(at);
            }
            int depth = path.size() - 1;
            districts.put(unit.code(), depth <= districtDepth ? unit.code() : path.get(depth - districtDepth));
        }
        return districts;
    }
}
