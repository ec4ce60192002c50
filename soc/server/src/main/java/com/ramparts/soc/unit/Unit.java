package com.ramparts.soc.unit;

import java.time.Instant;
import java.util.Objects;

/**
 * One unit (department, district, ward) as soc knows it.
 *
 * @param nameVi       the name pki holds (Vietnamese)
 * @param nameEn       an English name, null when pki has none (pki's registry holds one name today)
 * @param parentId     null at the top of the tree
 * @param districtId   the district it belongs to (derived from the tree; itself when at or above the district level)
 * @param contactEmail whom to write to, null when pki has none
 * @param syncedAt     when the sync last wrote it
 */
public record Unit(String unitId, String nameVi, String nameEn, String parentId, String districtId, String contactEmail,
                   UnitCertificate certificate, Instant syncedAt) {

    public Unit {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(districtId, "districtId");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The name in the viewer's language, falling back to the Vietnamese one. */
    public String name(String language) {
        return "en".equals(language) && nameEn != null ? nameEn : nameVi;
    }
}
