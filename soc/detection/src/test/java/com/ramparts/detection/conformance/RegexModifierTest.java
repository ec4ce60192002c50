package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.firewall;
import static com.ramparts.detection.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Modifier re and its flags i, m, s: case-sensitive by default, searched anywhere in the value. */
class RegexModifierTest {

    private static boolean url(String key, String regex, String value) {
        return matches("sel:\n  " + key + ": '" + regex + "'\ncondition: sel\n", firewall("url.original", value));
    }

    @Test
    void aRegexIsSearchedAnywhereAndIsCaseSensitive() {
        assertThat(url("c-uri|re", "union\\s+select", "/q?id=1 union  select 1")).isTrue();
        assertThat(url("c-uri|re", "union\\s+select", "/q?id=1 UNION SELECT 1")).isFalse();
        assertThat(url("c-uri|re", "^/admin", "/index/admin")).isFalse();
        assertThat(url("c-uri|re", "^/admin", "/admin/login")).isTrue();
    }

    @Test
    void flagIIgnoresCase() {
        assertThat(url("c-uri|re|i", "union\\s+select", "/q?id=1 UNION SELECT 1")).isTrue();
        assertThat(url("c-uri|re|ignorecase", "union\\s+select", "/q?id=1 UNION SELECT 1")).isTrue();
    }

    @Test
    void flagMAnchorsAtLines() {
        String value = "GET /x\nPOST /shell.php";
        assertThat(url("c-uri|re", "^POST", value)).isFalse();
        assertThat(url("c-uri|re|m", "^POST", value)).isTrue();
    }

    @Test
    void flagSLetsDotMatchNewlines() {
        String value = "a<script>\nalert(1)</script>";
        assertThat(url("c-uri|re", "<script>.*</script>", value)).isFalse();
        assertThat(url("c-uri|re|s", "<script>.*</script>", value)).isTrue();
    }

    @Test
    void aRegexOnANumberSeesItsText() {
        assertThat(matches("sel:\n  dst_port|re: '^(22|23)$'\ncondition: sel\n", firewall("destination.port", 23)))
                .isTrue();
        assertThat(matches("sel:\n  dst_port|re: '^(22|23)$'\ncondition: sel\n", firewall("destination.port", 223)))
                .isFalse();
    }
}
