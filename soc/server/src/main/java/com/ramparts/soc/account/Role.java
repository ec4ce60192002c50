package com.ramparts.soc.account;

/** The roles of the architecture's security model; Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    /** SOC analyst: watches, triages, searches every unit's events. */
    ANALYST,
    /** approves or rejects certificate requests. */
    RA_OFFICER,
    /** a unit's IT officer: sees only its own unit. */
    REQUESTER,
    /** runs cyber-drill exercises. */
    DRILL_COORDINATOR,
    /** installs, configures and manages users. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
