package com.ramparts.pki.token;

/** What a caller may do: ADMIN everything, RA_OFFICER decide on every unit's requests, REQUESTER act for its own unit. */
public enum Role {
    ADMIN, RA_OFFICER, REQUESTER;

    public String authority() {
        return "ROLE_" + name();
    }
}
