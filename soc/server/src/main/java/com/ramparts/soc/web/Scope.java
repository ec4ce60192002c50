package com.ramparts.soc.web;

/**
 * Which events and sites a viewer may see: everything, or one unit's. Applied by the server to every
 * query, never taken from the request.
 *
 * @param unitId null for everything
 */
public record Scope(String unitId, boolean limited) {

    public static final Scope EVERYTHING = new Scope(null, false);

    public static Scope unit(String unitId) {
        return new Scope(unitId, true);
    }

    /** Whether a record of this unit is visible; a limited scope without a unit sees nothing. */
    public boolean includes(String recordUnitId) {
        return !limited || (unitId != null && unitId.equals(recordUnitId));
    }
}
