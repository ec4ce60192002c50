package com.ramparts.soc.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Vietnamese unless the viewer chose English: the choice ({@code ?lang=vi|en} on any page) is kept in
 * a cookie, so it survives logging in and out. Other languages are ignored.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.of("vi");
    static final List<Locale> OFFERED = List.of(VIETNAMESE, Locale.ENGLISH);
    static final String PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ramparts-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setRejectInvalidCookies(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleResolver resolver = localeResolver();
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String wanted = request.getParameter(PARAMETER);
                OFFERED.stream().filter(locale -> locale.getLanguage().equals(wanted)).findFirst()
                        .ifPresent(locale -> resolver.setLocale(request, response, locale));
                return true;
            }
        });
    }
}
