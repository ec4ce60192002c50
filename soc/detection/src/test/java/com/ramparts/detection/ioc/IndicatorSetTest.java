package com.ramparts.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.Sigma;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching the fixtures' indicators against events shaped as the agent's parsers emit them. */
class IndicatorSetTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private final IndicatorSet set = IndicatorSet.of(all());

    private static List<Indicator> all() {
        List<Indicator> indicators = new ArrayList<>();
        for (String name : List.of(Feeds.STIX, Feeds.MISP, Feeds.CSV)) {
            indicators.addAll(Feeds.read(name).indicators());
        }
        return indicators;
    }

    private List<String> hits(TelemetryEvent event) {
        return set.match(event).stream().map(h -> h.indicator().feed() + " " + h.indicator().value() + " @" + h.field()).toList();
    }

    @Test
    void addressesInAnyAddressFieldAndInListedNetworks() {
        assertThat(hits(Sigma.event("iptables.log", NOW, "source.ip", "10.1.0.5", "destination.ip", "198.51.100.23")))
                .containsExactly("vncert-2026-11 198.51.100.23 @destination.ip");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "source.ip", "203.0.113.100"))).as("203.0.113.0/25")
                .containsExactly("vncert-2026-11 203.0.113.0/25 @source.ip");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "source.ip", "203.0.113.200"))).as("outside the /25").isEmpty();
        assertThat(hits(Sigma.event("suricata.eve", NOW, "source.ip", "2001:DB8:BAD:1::7"))).as("IPv6 network, any spelling")
                .containsExactly("vncert-2026-11 2001:db8:bad:0:0:0:0:0/48 @source.ip");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "destination.ip", "2001:db8::1"))).as("IPv6 written short")
                .containsExactly("city-blocklist 2001:db8:0:0:0:0:0:1 @destination.ip");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "dns.resolved_ip", List.of("10.0.0.1", "198.51.100.5"))))
                .containsExactly("ncsc-warning-2026-041 198.51.100.0/28 @dns.resolved_ip");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "source.ip", "not an address", "destination.ip", "10.0.0.1"))).isEmpty();
    }

    @Test
    void domainsMatchThemselvesAndEverySubdomain() {
        assertThat(hits(Sigma.event("suricata.eve", NOW, "dns.question.name", "LockBit-Files.example."))).containsExactly(
                "ncsc-warning-2026-041 lockbit-files.example @dns.question.name");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "dns.question.name", "negotiate.lockbit-files.example")))
                .containsExactlyInAnyOrder("ncsc-warning-2026-041 negotiate.lockbit-files.example @dns.question.name",
                        "ncsc-warning-2026-041 lockbit-files.example @dns.question.name");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "tls.client.server_name", "a.b.malicious-cdn.example")))
                .containsExactly("city-blocklist malicious-cdn.example @tls.client.server_name");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "dns.question.name", "notlockbit-files.example"))).isEmpty();
        assertThat(hits(Sigma.event("suricata.eve", NOW, "dns.question.name", "example"))).isEmpty();
    }

    @Test
    void urlsWholeOrAsSuricataSplitsThem() {
        assertThat(hits(Sigma.event("fortinet.firewall", NOW, "url.original",
                "https://UPLOAD.storage-sync.example/s/a8F3k2/svc.exe"))).contains(
                "ncsc-warning-2026-041 upload.storage-sync.example/s/a8F3k2/svc.exe @url.original");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "url.domain", "cdn.dichvucong-gov.example", "url.original",
                "/update/KB5021233.msi", "url.port", 80L))).containsExactlyInAnyOrder(
                "vncert-2026-11 dichvucong-gov.example @url.domain",
                "vncert-2026-11 cdn.dichvucong-gov.example/update/KB5021233.msi @url.original");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "url.domain", "cdn.dichvucong-gov.example", "url.original",
                "/update/kb5021233.msi"))).as("paths are case-sensitive")
                .containsExactly("vncert-2026-11 dichvucong-gov.example @url.domain");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "url.original", "/update/KB5021233.msi"))).as("no host").isEmpty();
    }

    @Test
    void hashesInAnyCaseAndEmailAddresses() {
        assertThat(hits(Sigma.event("clamav.clamd", NOW, "file.hash.md5", "44D88612FEA8A8F36DE82E1278ABB02F"))).containsExactly(
                "ncsc-warning-2026-041 44d88612fea8a8f36de82e1278abb02f @file.hash.md5");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "file.hash.sha256",
                "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c"))).containsExactly(
                "vncert-2026-11 ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c @file.hash.sha256");
        assertThat(hits(Sigma.event("suricata.eve", NOW, "email.from.address", "hoadon@thue-dientu.example",
                "email.to.address", List.of("ke.toan@hoadon-dientu.example", "a@b.example")))).containsExactly(
                "ncsc-warning-2026-041 hoadon@thue-dientu.example @email.from.address",
                "city-blocklist ke.toan@hoadon-dientu.example @email.to.address");
    }

    @Test
    void validityIsJudgedAtTheEventsTime() {
        TelemetryEvent now = Sigma.event("iptables.log", NOW, "destination.ip", "198.51.100.99");
        TelemetryEvent inFebruary = Sigma.event("iptables.log", Instant.parse("2026-02-01T00:00:00Z"), "destination.ip",
                "198.51.100.99");
        assertThat(hits(now)).as("expired in April").isEmpty();
        assertThat(hits(inFebruary)).containsExactly("vncert-2026-11 198.51.100.99 @destination.ip");
        TelemetryEvent beforeValidFrom = Sigma.event("iptables.log", Instant.parse("2026-10-01T00:00:00Z"), "source.ip",
                "198.51.100.77");
        assertThat(hits(beforeValidFrom)).as("city-0001 is valid from 2026-11-01").isEmpty();
    }

    @Test
    void oneHitPerIndicatorEvenInSeveralFields() {
        List<IndicatorHit> hits = set.match(Sigma.event("suricata.eve", NOW, "destination.ip", "198.51.100.23",
                "related.ip", List.of("10.0.0.1", "198.51.100.23")));
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.field()).isEqualTo("destination.ip");
            assertThat(hit.observed()).isEqualTo("198.51.100.23");
        });
    }

    @Test
    void theMostSpecificFieldIsNamedWhateverTheOrderOfFields() {
        assertThat(set.match(Sigma.event("iptables.log", NOW, "related.ip", List.of("198.51.100.23"), "source.ip",
                "198.51.100.23"))).singleElement().satisfies(hit -> assertThat(hit.field()).isEqualTo("source.ip"));
    }

    @Test
    void theSameValueInTwoFeedsHitsTwice() {
        IndicatorSet two = IndicatorSet.of(List.of(
                Feeds.read("a.csv", "type,value\nip,192.0.2.1\n").indicators().getFirst(),
                Feeds.read("b.csv", "type,value\nip,192.0.2.1\n").indicators().getFirst()));
        assertThat(two.match(Sigma.event("iptables.log", NOW, "source.ip", "192.0.2.1")))
                .extracting(h -> h.indicator().ruleId()).containsExactly("ioc:a", "ioc:b");
        assertThat(two.countByFeed()).containsEntry("a", 1).containsEntry("b", 1);
    }

    @Test
    void anEmptySetMatchesNothing() {
        assertThat(IndicatorSet.EMPTY.match(Sigma.event("iptables.log", NOW, "source.ip", "198.51.100.23"))).isEmpty();
        assertThat(IndicatorSet.EMPTY.size()).isZero();
    }
}
