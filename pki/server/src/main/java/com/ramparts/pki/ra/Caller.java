package com.ramparts.pki.ra;

import com.ramparts.pki.audit.AuditActor;
import com.ramparts.pki.token.Role;
import com.ramparts.pki.token.TokenPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who acts on the RA, with the unit a requester is confined to.
 *
 * @param unitCode the requester's unit; null for officers and administrators
 */
public record Caller(String name, Role role, String unitCode, String source) {

    /** The authenticated caller of the current request (a token's principal, or the bootstrap administrator). */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String source = AuditActor.currentSource();
        if (authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token) {
            return new Caller(token.name(), token.role(), token.unitCode(), source);
        }
        if (authentication != null && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
            return new Caller(authentication.getName(), Role.ADMIN, null, source);
        }
        throw new IllegalStateException("no authenticated RA caller"); // the security configuration lets no one else in
    }

    /** The unit this caller must stay within, or null if it may see every unit. */
    public String scope() {
        return role == Role.REQUESTER ? unitCode : null;
    }

    public boolean sees(String unit) {
        return scope() == null || scope().equals(unit);
    }

    public AuditActor actor() {
        return new AuditActor(name, source);
    }
}
