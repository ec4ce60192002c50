package com.ramparts.pki.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who acts and from where, as an audit entry names them. */
public record AuditActor(String name, String source) {

    public static final AuditActor SYSTEM = new AuditActor("system", "local");

    /** The authenticated caller of the current HTTP request, or {@link #SYSTEM} outside one. */
    public static AuditActor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String name = authentication == null || !authentication.isAuthenticated() ? SYSTEM.name() : authentication.getName();
        return new AuditActor(name, currentSource());
    }

    /** The client address of the current HTTP request, or {@code local}. */
    public static String currentSource() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return SYSTEM.source();
    }
}
