package com.ramparts.appliance;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * What the launcher says to people, in Vietnamese or English. The language follows
 * {@code RAMPARTS_LANG}, else {@code LANG}/{@code LC_ALL} ({@code vi...} means Vietnamese);
 * English otherwise.
 */
final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("com.ramparts.appliance.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Messages fromEnvironment(Map<String, String> env) {
        String lang = firstSet(env, "RAMPARTS_LANG", "LC_ALL", "LANG");
        return new Messages(lang != null && lang.toLowerCase(Locale.ROOT).startsWith("vi") ? Locale.of("vi") : Locale.ROOT);
    }

    String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
