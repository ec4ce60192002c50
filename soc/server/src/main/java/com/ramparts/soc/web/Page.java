package com.ramparts.soc.web;

import com.ramparts.soc.account.Role;

import java.util.EnumSet;
import java.util.Set;

import static com.ramparts.soc.account.Role.ADMIN;
import static com.ramparts.soc.account.Role.ANALYST;
import static com.ramparts.soc.account.Role.DRILL_COORDINATOR;
import static com.ramparts.soc.account.Role.RA_OFFICER;
import static com.ramparts.soc.account.Role.REQUESTER;

/**
 * Every page of the dashboard, in navigation order, with the roles that may open it. The security
 * configuration and the navigation are both built from this list, so what a role sees in the menu
 * is what it may open.
 */
public enum Page {
    OVERVIEW("/overview", "nav.overview", ANALYST, DRILL_COORDINATOR, ADMIN),
    INCIDENTS("/incidents", "nav.incidents", ANALYST, ADMIN),
    EVENTS("/events", "nav.events", ANALYST, DRILL_COORDINATOR, REQUESTER, ADMIN),
    SITES("/sites", "nav.sites", ANALYST, DRILL_COORDINATOR, REQUESTER, ADMIN),
    POSTURE("/posture", "nav.posture", ANALYST, DRILL_COORDINATOR, REQUESTER, ADMIN),
    RULES("/rules", "nav.rules", ANALYST, ADMIN),
    CERTIFICATES("/certificates", "nav.certificates", RA_OFFICER, ADMIN),
    REQUESTS("/requests", "nav.requests", REQUESTER, ADMIN),
    DRILLS("/drills", "nav.drills", DRILL_COORDINATOR, ANALYST, ADMIN),
    USERS("/admin/users", "nav.users", ADMIN);

    private final String path;
    private final String messageKey;
    private final Set<Role> roles;

    Page(String path, String messageKey, Role first, Role... rest) {
        this.path = path;
        this.messageKey = messageKey;
        this.roles = Set.copyOf(EnumSet.of(first, rest));
    }

    public String path() {
        return path;
    }

    public String messageKey() {
        return messageKey;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** For {@code hasAnyRole}: the role names without the {@code ROLE_} prefix. */
    public String[] roleNames() {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    public boolean openTo(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }
}
