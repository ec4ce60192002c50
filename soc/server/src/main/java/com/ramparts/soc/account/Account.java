package com.ramparts.soc.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user of the dashboard and API, without the password hash.
 *
 * @param unitId the unit a {@link Role#REQUESTER} is limited to; null for others
 * @param lockedUntil set after too many failed logins; null when not locked
 */
public record Account(String username, Set<Role> roles, String unitId, boolean enabled, int failedLogins,
                      Instant lockedUntil) {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    /** As the site registry's unit ids, so a requester's unit can appear in an event. */
    static final Pattern UNIT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Account {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Whether this account sees only its own unit: a requester without a role that sees everything.
     */
    public boolean limitedToUnit() {
        return roles.contains(Role.REQUESTER) && !roles.contains(Role.ADMIN) && !roles.contains(Role.ANALYST)
                && !roles.contains(Role.DRILL_COORDINATOR);
    }
}
