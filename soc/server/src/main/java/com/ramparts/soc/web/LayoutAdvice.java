package com.ramparts.soc.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** What the layout needs on every page: the viewer, the navigation, the language switch links. */
@ControllerAdvice(basePackageClasses = LayoutAdvice.class)
class LayoutAdvice {

    /** The language switch: this page again with {@code lang} set, other parameters kept. */
    record LanguageLink(String code, String label, String href) {
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return Viewer.of(authentication);
    }

    @ModelAttribute("languages")
    List<LanguageLink> languages(HttpServletRequest request) {
        return List.of(link("vi", "Tiếng Việt"), link("en", "English"));
    }

    private final DashboardProperties properties;

    LayoutAdvice(DashboardProperties properties) {
        this.properties = properties;
    }

    /** Charts format their times in it (dashboard.js), as the tables do. */
    @ModelAttribute("timeZone")
    String timeZone() {
        return properties.timeZone().getId();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static LanguageLink link(String code, String label) {
        String href = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam(Languages.PARAMETER, code)
                .build().toUriString();
        return new LanguageLink(code, label, href);
    }
}
