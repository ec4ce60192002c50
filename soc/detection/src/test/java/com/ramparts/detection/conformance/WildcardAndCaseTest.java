package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.firewall;
import static com.ramparts.detection.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sigma spec, "String Wildcard", "Escape Character", and case-insensitive matching by default. */
class WildcardAndCaseTest {

    private static boolean user(String pattern, String value) {
        return matches("sel:\n  user.name: '" + pattern + "'\ncondition: sel\n", firewall("user.name", value));
    }

    @Test
    void starMatchesAnyRunOfCharacters() {
        assertThat(user("adm*", "administrator")).isTrue();
        assertThat(user("*istr*", "administrator")).isTrue();
        assertThat(user("*tor", "administrator")).isTrue();
        assertThat(user("a*n*r", "administrator")).isTrue();
        assertThat(user("*", "")).isTrue();
        assertThat(user("adm*", "root")).isFalse();
        assertThat(user("a*x*r", "administrator")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(user("prog?.exe", "progA.exe")).isTrue();
        assertThat(user("prog?.exe", "prog.exe")).isFalse();
        assertThat(user("prog?.exe", "progAB.exe")).isFalse();
    }

    @Test
    void matchingIgnoresCaseByDefault() {
        assertThat(user("ADMIN", "admin")).isTrue();
        assertThat(user("Adm*", "ADMINISTRATOR")).isTrue();
        assertThat(user("ADMIN", "admins")).isFalse();
    }

    @Test
    void backslashEscapesWildcards() {
        assertThat(user("what\\*", "what*")).isTrue();
        assertThat(user("what\\*", "whatever")).isFalse();
        assertThat(user("why\\?", "why?")).isTrue();
        assertThat(user("why\\?", "whyX")).isFalse();
    }

    @Test
    void aPlainBackslashStaysAndADoubleBackslashIsOne() {
        assertThat(user("C:\\Windows\\cmd.exe", "C:\\Windows\\cmd.exe")).isTrue();
        assertThat(user("C:\\\\Windows\\\\cmd.exe", "C:\\Windows\\cmd.exe")).isTrue();
        // \\* is a backslash followed by a wildcard
        assertThat(user("C:\\\\*", "C:\\Users")).isTrue();
        // \\\* is a backslash followed by a plain star
        assertThat(user("C:\\\\\\*", "C:\\*")).isTrue();
        assertThat(user("C:\\\\\\*", "C:\\Users")).isFalse();
    }

    @Test
    void numbersCanBeMatchedWithWildcards() {
        assertThat(matches("sel:\n  dst_port: '44*'\ncondition: sel\n", firewall("destination.port", 443))).isTrue();
        assertThat(matches("sel:\n  dst_port: '44*'\ncondition: sel\n", firewall("destination.port", 80))).isFalse();
    }
}
