package com.ramparts.pki.error;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Sentences for error codes, from {@code com/ramparts/pki/error/messages[_vi].properties}. */
public final class Messages {

    private static final String BUNDLE = "com.ramparts.pki.error.messages";

    private Messages() {
    }

    public static String format(PkiError error, Locale locale, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(error.code());
        } catch (MissingResourceException e) {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(error.code());
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
