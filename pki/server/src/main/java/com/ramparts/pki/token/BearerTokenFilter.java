package com.ramparts.pki.token;

import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>}: a valid token authenticates the request as its
 * {@link TokenPrincipal}; anything else is a 401 that names no reason (and is audited with one).
 * Requests without a bearer token pass through to HTTP basic.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AuditLog audit;

    public BearerTokenFilter(ApiTokens tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TokenPrincipal> principal = tokens.authenticate(header.substring(7).trim());
        if (principal.isEmpty()) {
            audit.append(new AuditEvent("login.failure", "token", request.getRemoteAddr(), "",
                    Map.of("method", "bearer", "reason", "unknown, expired or revoked token")));
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":\"auth.token_invalid\",\"message\":\"The API token is unknown, expired or revoked.\",\"field\":null}");
            return;
        }
        TokenPrincipal caller = principal.get();
        audit.append(new AuditEvent("login.success", caller.name(), request.getRemoteAddr(), caller.tokenId(),
                Map.of("method", "bearer", "role", caller.role().name())));
        var authentication = new UsernamePasswordAuthenticationToken(caller, null, List.of(new SimpleGrantedAuthority(caller.role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
