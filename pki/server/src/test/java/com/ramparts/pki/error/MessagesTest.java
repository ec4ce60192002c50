package com.ramparts.pki.error;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @ParameterizedTest
    @EnumSource(PkiError.class)
    void everyErrorHasAnEnglishAndAVietnameseSentence(PkiError error) {
        ResourceBundle english = ResourceBundle.getBundle("com.ramparts.pki.error.messages", Locale.ROOT);
        ResourceBundle vietnamese = ResourceBundle.getBundle("com.ramparts.pki.error.messages", Locale.of("vi"));
        assertThat(english.getString(error.code())).isNotBlank();
        assertThat(vietnamese.getString(error.code())).isNotEqualTo(english.getString(error.code()));
        String formatted = Messages.format(error, Locale.of("vi"), "A", "B", "C", "D");
        assertThat(formatted).doesNotContain("{0}");
    }
}
