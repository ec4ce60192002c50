package com.ramparts.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.detection.ioc.StixPattern.Comparison;
import org.junit.jupiter.api.Test;

class StixPatternTest {

    @Test
    void simpleComparisonsOfEveryMatchedType() throws Exception {
        assertThat(StixPattern.parse("[ipv4-addr:value = '198.51.100.7']"))
                .containsExactly(new Comparison(IndicatorType.ADDRESS, "198.51.100.7"));
        assertThat(StixPattern.parse("[ipv6-addr:value ISSUBSET '2001:db8::/32']"))
                .containsExactly(new Comparison(IndicatorType.ADDRESS, "2001:db8::/32"));
        assertThat(StixPattern.parse("[domain-name:value='evil.example']"))
                .containsExactly(new Comparison(IndicatorType.DOMAIN, "evil.example"));
        assertThat(StixPattern.parse("[url:value = 'http://evil.example/a?b=\\'c\\'']"))
                .containsExactly(new Comparison(IndicatorType.URL, "http://evil.example/a?b='c'"));
        assertThat(StixPattern.parse("[email-addr:value = 'a@evil.example']"))
                .containsExactly(new Comparison(IndicatorType.EMAIL, "a@evil.example"));
        assertThat(StixPattern.parse("[file:hashes.'SHA-256' = 'ab'] OR [file:hashes.MD5 = 'cd'] OR [file:hashes.'SHA-1' = 'ef']"))
                .containsExactly(new Comparison(IndicatorType.SHA256, "ab"), new Comparison(IndicatorType.MD5, "cd"),
                        new Comparison(IndicatorType.SHA1, "ef"));
    }

    @Test
    void orInsideAndBetweenObservationsWithParentheses() throws Exception {
        assertThat(StixPattern.parse("([domain-name:value = 'a.example' OR (domain-name:value = 'b.example')]"
                + " OR [ipv4-addr:value = '192.0.2.1'])")).extracting(Comparison::value)
                .containsExactly("a.example", "b.example", "192.0.2.1");
    }

    @Test
    void whatCannotBeMatchedAsSingleValuesIsRefusedWithTheReason() {
        assertThatThrownBy(() -> StixPattern.parse("[file:name = 'x.exe' AND file:hashes.MD5 = 'cd']"))
                .hasMessageContaining("the object path file:name is not matched");
        assertThatThrownBy(() -> StixPattern.parse("[file:hashes.MD5 = 'ab' AND file:hashes.'SHA-1' = 'cd']"))
                .hasMessageContaining("AND inside an observation is not supported");
        assertThatThrownBy(() -> StixPattern.parse("[ipv4-addr:value = '192.0.2.1'] AND [domain-name:value = 'a.example']"))
                .hasMessageContaining("AND between observations");
        assertThatThrownBy(() -> StixPattern.parse("[ipv4-addr:value = '192.0.2.1'] FOLLOWEDBY [ipv4-addr:value = '192.0.2.2']"))
                .hasMessageContaining("FOLLOWEDBY");
        assertThatThrownBy(() -> StixPattern.parse("[ipv4-addr:value = '192.0.2.1'] REPEATS 5 TIMES"))
                .hasMessageContaining("qualifier REPEATS");
        assertThatThrownBy(() -> StixPattern.parse("[ipv4-addr:value = '192.0.2.1'] WITHIN 300 SECONDS"))
                .hasMessageContaining("qualifier WITHIN");
        assertThatThrownBy(() -> StixPattern.parse("[domain-name:value MATCHES '^evil']")).hasMessageContaining("operator MATCHES");
        assertThatThrownBy(() -> StixPattern.parse("[domain-name:value != 'a.example']")).hasMessageContaining("operator !");
        assertThatThrownBy(() -> StixPattern.parse("[domain-name:value NOT = 'a.example']")).hasMessageContaining("NOT");
        assertThatThrownBy(() -> StixPattern.parse("[domain-name:value ISSUBSET 'a.example']")).hasMessageContaining("ISSUBSET");
        assertThatThrownBy(() -> StixPattern.parse("[file:hashes.MD5 = h'ab']")).hasMessageContaining("hex and binary");
        assertThatThrownBy(() -> StixPattern.parse("[network-traffic:dst_port = 443]")).hasMessageContaining("quoted string");
    }

    @Test
    void brokenPatternsAreRefusedNotCrashed() {
        for (String broken : new String[] {"", "[", "]", "[]", "[ipv4-addr:value = '1.2.3.4'", "[ipv4-addr:value = '1.2.3.4",
                "ipv4-addr:value = '1.2.3.4'", "[ipv4-addr:value =]", "[:value = 'x']", "[ipv4-addr:value = 'a\\b']",
                "[ipv4-addr:value = '1.2.3.4'] OR", "[ipv4-addr:value = '1.2.3.4'] garbage", "(".repeat(100) + "[a:b = 'c']",
                "\u0000", "[ipv4-addr:value = '1.2.3.4'] OR OR [ipv4-addr:value = '1.2.3.4']"}) {
            assertThatThrownBy(() -> StixPattern.parse(broken)).as(broken).isInstanceOf(StixPattern.Unsupported.class)
                    .hasMessageContaining("at character");
        }
        assertThatThrownBy(() -> StixPattern.parse("[a:b = '" + "x".repeat(70_000) + "']")).hasMessageContaining("at most");
    }
}
