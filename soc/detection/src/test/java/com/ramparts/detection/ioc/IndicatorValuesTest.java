package com.ramparts.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndicatorValuesTest {

    @Test
    void addressesAndNetworksHaveOneSpelling() throws Exception {
        assertThat(IndicatorValues.normalize(IndicatorType.ADDRESS, " 198.51.100.7 ")).isEqualTo("198.51.100.7");
        assertThat(IndicatorValues.normalize(IndicatorType.ADDRESS, "2001:DB8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(IndicatorValues.normalize(IndicatorType.ADDRESS, "2001:db8:0:0:0:0:0:1/128")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(IndicatorValues.normalize(IndicatorType.ADDRESS, "203.0.113.77/24")).as("host bits cleared")
                .isEqualTo("203.0.113.0/24");
        assertThat(IndicatorValues.normalize(IndicatorType.ADDRESS, "198.51.100[.]7")).as("defanged").isEqualTo("198.51.100.7");
    }

    @Test
    void badAddressesSayWhy() {
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.ADDRESS, "198.51.100.300"))
                .hasMessageContaining("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.ADDRESS, "10.0.0.0/33"))
                .hasMessageContaining("prefix length");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.ADDRESS, "0.0.0.0/0"))
                .hasMessageContaining("too much of the Internet");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.ADDRESS, "10.0.0.0/-1")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.ADDRESS, "")).hasMessageContaining("empty");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.ADDRESS, "1".repeat(10_000)))
                .hasMessageContaining("at most");
    }

    @Test
    void domainsAreLowerCaseWithoutTrailingDotAndWildcard() throws Exception {
        assertThat(IndicatorValues.normalize(IndicatorType.DOMAIN, "Upload.Storage-Sync.example.")).isEqualTo(
                "upload.storage-sync.example");
        assertThat(IndicatorValues.normalize(IndicatorType.DOMAIN, "*.malicious-cdn.example")).isEqualTo("malicious-cdn.example");
        assertThat(IndicatorValues.normalize(IndicatorType.DOMAIN, "dịchvụcông.example")).startsWith("xn--");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.DOMAIN, "com")).hasMessageContaining("top-level");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.DOMAIN, "http://evil.example/"))
                .hasMessageContaining("not a domain name");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.DOMAIN, "198.51.100.7")).hasMessageContaining("type ip");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.DOMAIN, "a..example")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.DOMAIN, "x".repeat(64) + ".example"))
                .hasMessageContaining("not a valid");
        assertThat(IndicatorValues.domain("evil example")).isNull();
    }

    @Test
    void urlsLoseSchemeFragmentUserAndDefaultPort() throws Exception {
        assertThat(IndicatorValues.normalize(IndicatorType.URL, "https://Upload.Storage-Sync.example:443/s/A8F3k2/svc.exe#x"))
                .isEqualTo("upload.storage-sync.example/s/A8F3k2/svc.exe");
        assertThat(IndicatorValues.normalize(IndicatorType.URL, "http://user:pw@bad.example:8080?q=1"))
                .isEqualTo("bad.example:8080/?q=1");
        assertThat(IndicatorValues.normalize(IndicatorType.URL, "hxxp://bad[.]example/x")).isEqualTo("bad.example/x");
        assertThat(IndicatorValues.normalize(IndicatorType.URL, "http://[2001:db8::1]:80/a")).isEqualTo("[2001:db8:0:0:0:0:0:1]/a");
        assertThat(IndicatorValues.url("bad.example/x")).isEqualTo("bad.example/x");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.URL, "javascript://alert(1)"))
                .hasMessageContaining("scheme javascript");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.URL, "http://:80/x")).hasMessageContaining("with a host");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.URL, "http://bad.example:99999/")).hasMessageContaining("host");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.URL, "http://[2001:db8::1/x")).hasMessageContaining("host");
    }

    @Test
    void hashesAreLowerCaseHexOfTheirLength() throws Exception {
        assertThat(IndicatorValues.normalize(IndicatorType.MD5, "44D88612FEA8A8F36DE82E1278ABB02F"))
                .isEqualTo("44d88612fea8a8f36de82e1278abb02f");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.SHA1, "44d88612fea8a8f36de82e1278abb02f"))
                .hasMessageContaining("not a sha1 hash (40");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.SHA256, "z".repeat(64))).hasMessageContaining("sha256");
    }

    @Test
    void emailAddressesAreLowerCase() throws Exception {
        assertThat(IndicatorValues.normalize(IndicatorType.EMAIL, "mailto:HoaDon@Thue-Dientu.example"))
                .isEqualTo("hoadon@thue-dientu.example");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.EMAIL, "Hoa Don <a@b.example>")).hasMessageContaining("e-mail");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.EMAIL, "@b.example")).hasMessageContaining("e-mail");
        assertThatThrownBy(() -> IndicatorValues.normalize(IndicatorType.EMAIL, "a@localhost")).hasMessageContaining("e-mail");
    }
}
