package com.ramparts.soc.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and numbers as the viewer's language writes them; templates call it as {@code @formats}. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DashboardProperties properties;

    Formats(DashboardProperties properties) {
        this.properties = properties;
    }

    public String time(Instant instant) {
        if (instant == null) {
            return "—";
        }
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter format = "vi".equals(locale.getLanguage()) ? VIETNAMESE : ENGLISH;
        return format.withZone(properties.timeZone()).format(instant);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }

    public String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    public String zone() {
        return properties.timeZone().getId();
    }
}
