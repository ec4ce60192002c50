package com.ramparts.soc.web.posture;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.text.NumberFormat;
import java.util.Locale;

/** Percentages, scores and ages as the viewer's language writes them; templates call it as {@code @postureFormat}. */
@Component("postureFormat")
public class PostureFormat {

    private final MessageSource messages;

    PostureFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code 83,3 %} / {@code 83.3%}; a dash when there was nothing to count. */
    public String percent(Double value) {
        if (value == null) {
            return "—";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return decimal(value, locale) + ("vi".equals(locale.getLanguage()) ? " %" : "%");
    }

    public String score(Double value) {
        return value == null ? "—" : decimal(value, LocaleContextHolder.getLocale());
    }

    /** The largest whole unit: minutes under 2 h, hours under 2 days, then days. */
    public String age(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (seconds < 7200) {
            return messages.getMessage("posture.minutes", new Object[] {seconds / 60}, locale);
        }
        if (seconds < 172_800) {
            return messages.getMessage("posture.hours", new Object[] {seconds / 3600}, locale);
        }
        return messages.getMessage("posture.days", new Object[] {seconds / 86_400}, locale);
    }

    private static String decimal(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
