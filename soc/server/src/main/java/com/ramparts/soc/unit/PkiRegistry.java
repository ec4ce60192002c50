package com.ramparts.soc.unit;

import java.util.List;

/**
 * Everything one sync read from pki, complete (every page) and checked.
 *
 * @param units        pki's units
 * @param certificates pki's unit-signing certificates with the unit each belongs to
 */
public record PkiRegistry(List<PkiUnit> units, List<UnitSeal> certificates) {

    public PkiRegistry {
        units = List.copyOf(units);
        certificates = List.copyOf(certificates);
    }

    /** A unit as pki's {@code GET /api/v1/units} lists it. */
    public record PkiUnit(String code, String name, String parentCode) {
    }

    /** A unit-signing certificate and the unit its subject's organizationIdentifier names. */
    public record UnitSeal(String unitCode, UnitCertificate.Issued certificate) {
    }
}
