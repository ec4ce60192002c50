package com.ramparts.soc.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import java.io.IOException;

/**
 * Sends a visitor without a session to the login page. An htmx request (a poll, a panel) gets 401
 * with {@code HX-Redirect}, which htmx follows with a full page load, so the login page never lands
 * inside a fragment.
 */
final class PageEntryPoint implements AuthenticationEntryPoint {

    private final String loginPath;
    private final LoginUrlAuthenticationEntryPoint redirect;

    PageEntryPoint(String loginPath) {
        this.loginPath = loginPath;
        this.redirect = new LoginUrlAuthenticationEntryPoint(loginPath);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, jakarta.servlet.ServletException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", request.getContextPath() + loginPath);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        redirect.commence(request, response, failure);
    }
}
