package com.ramparts.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.rule.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The three list formats read from the fixtures; every bad entry is a problem naming where it is. */
class FeedReadersTest {

    @Test
    void stixBundleIndicatorsWithSourceTlpLevelAndValidity() {
        IndicatorFeed feed = Feeds.read(Feeds.STIX);
        assertThat(feed.name()).isEqualTo("vncert-2026-11");
        assertThat(feed.format()).isEqualTo(IndicatorFeed.Format.STIX);
        Map<String, Indicator> byValue = byValue(feed);
        assertThat(byValue).containsOnlyKeys("198.51.100.23", "203.0.113.0/25", "2001:db8:bad:0:0:0:0:0/48",
                "dichvucong-gov.example", "xn--dchvcng-gov-7bb.example", "cdn.dichvucong-gov.example/update/KB5021233.msi",
                "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c", "3f2a9c51d6e0b7a8c4d2e1f0a9b8c7d6",
                "ho-tro@dichvucong-gov.example", "198.51.100.99");

        Indicator c2 = byValue.get("198.51.100.23");
        assertThat(c2.id()).isEqualTo("indicator--a932fcc6-e032-476c-826f-cb970a5a1ade");
        assertThat(c2.feed()).isEqualTo("vncert-2026-11");
        assertThat(c2.ruleId()).isEqualTo("ioc:vncert-2026-11");
        assertThat(c2.source()).isEqualTo("VNCERT/CC");
        assertThat(c2.level()).isEqualTo(Level.HIGH);
        assertThat(c2.confidence()).isEqualTo(85);
        assertThat(c2.tlp()).as("the TLP 2.0 AMBER marking definition").isEqualTo(Tlp.AMBER);
        assertThat(c2.description()).isEqualTo("PlugX C2 server");
        assertThat(c2.version()).isEqualTo("2026-11-21T09:30:00.000Z");
        assertThat(c2.validFrom()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(c2.validUntil()).isNull();

        assertThat(byValue.get("203.0.113.0/25").id()).endsWith("#1");
        assertThat(byValue.get("2001:db8:bad:0:0:0:0:0/48").id()).endsWith("#2");
        assertThat(byValue.get("203.0.113.0/25").level()).isEqualTo(Level.MEDIUM);
        assertThat(byValue.get("dichvucong-gov.example").tlp()).as("a definition_type tlp object in the bundle").isEqualTo(Tlp.RED);
        assertThat(byValue.get("dichvucong-gov.example").validUntil()).isEqualTo(Instant.parse("2027-02-20T08:00:00Z"));
        assertThat(byValue.get("ho-tro@dichvucong-gov.example").level()).isEqualTo(Level.LOW);
        assertThat(byValue.get("198.51.100.99").validAt(Instant.parse("2026-11-22T00:00:00Z"))).isFalse();
        assertThat(byValue.get("198.51.100.99").validAt(Instant.parse("2026-02-01T00:00:00Z"))).isTrue();

        assertThat(feed.skipped()).containsExactly(Map.entry("revoked", 1));
        assertThat(feed.problems()).extracting(IndicatorProblem::pointer)
                .containsExactly("/objects/13/pattern", "/objects/14/pattern", "/objects/15/pattern_type", "/objects/16/pattern");
        assertThat(feed.problems()).extracting(IndicatorProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("object path file:name is not matched"),
                m -> assertThat(m).contains("object path network-traffic:dst_ref.value"),
                m -> assertThat(m).contains("pattern_type 'snort' is not supported"),
                m -> assertThat(m).contains("'198.51.100.300' is not an IPv4 or IPv6 address"));
        assertThat(feed.problems().getFirst().line()).isEqualTo(Feeds.text(Feeds.STIX).lines().toList()
                .indexOf(Feeds.text(Feeds.STIX).lines().filter(l -> l.contains("file:name = ")).findFirst().orElseThrow()) + 1);
        assertThat(feed.problems().getFirst().toString()).startsWith(Feeds.STIX + ":" + feed.problems().getFirst().line()
                + ": /objects/13/pattern: ");
    }

    @Test
    void mispEventAttributesAndObjectsWithToIds() {
        IndicatorFeed feed = Feeds.read(Feeds.MISP);
        assertThat(feed.name()).isEqualTo("ncsc-warning-2026-041");
        assertThat(feed.format()).isEqualTo(IndicatorFeed.Format.MISP);
        Map<String, Indicator> byValue = byValue(feed);
        assertThat(byValue).containsOnlyKeys("203.0.113.45", "192.0.2.200", "lockbit-files.example",
                "upload.storage-sync.example", "upload.storage-sync.example/s/a8F3k2/svc.exe",
                "0d9f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f", "6f1ed002ab5595859014ebf0951522d9a3b0f7a1",
                "negotiate.lockbit-files.example", "2001:db8:4127:0:0:0:0:10", "hoadon@thue-dientu.example",
                "44d88612fea8a8f36de82e1278abb02f", "tor2web-gate.example", "198.51.100.0/28");
        Indicator exfil = byValue.get("203.0.113.45");
        assertThat(exfil.id()).isEqualTo("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(exfil.source()).isEqualTo("NCSC");
        assertThat(exfil.level()).as("threat_level_id 1").isEqualTo(Level.HIGH);
        assertThat(exfil.tlp()).as("the event's tag").isEqualTo(Tlp.GREEN);
        assertThat(exfil.description()).startsWith("NCSC warning 2026-041").endsWith("Exfiltration server");
        assertThat(exfil.version()).isEqualTo("2026-11-19T10:00:00Z");
        assertThat(exfil.validFrom()).isNull();
        assertThat(byValue.get("192.0.2.200").tlp()).as("the attribute's own tag wins").isEqualTo(Tlp.AMBER);
        assertThat(byValue.get("negotiate.lockbit-files.example").id()).endsWith("#1");
        assertThat(byValue.get("2001:db8:4127:0:0:0:0:10").id()).endsWith("#2");
        assertThat(byValue.get("6f1ed002ab5595859014ebf0951522d9a3b0f7a1").type()).isEqualTo(IndicatorType.SHA1);
        assertThat(byValue.get("44d88612fea8a8f36de82e1278abb02f").type()).isEqualTo(IndicatorType.MD5);

        assertThat(feed.skipped()).containsOnly(Map.entry("to_ids false", 3), Map.entry("type regkey", 1),
                Map.entry("deleted", 1));
        assertThat(feed.problems()).extracting(IndicatorProblem::pointer)
                .containsExactly("/Event/Attribute/12/value", "/Event/Object/0/Attribute/2/value");
        assertThat(feed.problems().get(0).message()).contains("'203.0.113.456'");
        assertThat(feed.problems().get(1).message()).contains("'not-a-hash' is not a sha256 hash");
        assertThat(feed.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void mispRestSearchResponsesAndArraysOfEventsToo() {
        String event = Feeds.text(Feeds.MISP).strip();
        IndicatorFeed response = Feeds.read("search.json", "{\"response\": [" + event + ", " + event + "]}");
        assertThat(response.indicators()).hasSize(26);
        assertThat(response.problems()).extracting(IndicatorProblem::pointer).contains("/response/1/Event/Attribute/12/value");
        IndicatorFeed array = Feeds.read("events.json", "[" + event + "]");
        assertThat(array.indicators()).hasSize(13);
        IndicatorFeed wrong = Feeds.read("events.json", "[" + event + ", 42, {\"Event\": []}]");
        assertThat(wrong.indicators()).hasSize(13);
        assertThat(wrong.problems()).extracting(IndicatorProblem::pointer).contains("/1", "/2");
    }

    @Test
    void csvColumnsByHeaderAndEveryBadLineNamed() {
        IndicatorFeed feed = Feeds.read(Feeds.CSV);
        assertThat(feed.name()).isEqualTo("city-blocklist");
        Map<String, Indicator> byValue = byValue(feed);
        assertThat(byValue).containsOnlyKeys("198.51.100.77", "192.0.2.128/25", "malicious-cdn.example", "bad.example/x",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "2001:db8:0:0:0:0:0:1",
                "ke.toan@hoadon-dientu.example");
        Indicator rdp = byValue.get("198.51.100.77");
        assertThat(rdp.id()).isEqualTo("city-0001");
        assertThat(rdp.level()).isEqualTo(Level.HIGH);
        assertThat(rdp.confidence()).isEqualTo(90);
        assertThat(rdp.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(rdp.validFrom()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(rdp.description()).isEqualTo("RDP brute-force source, seen at 14 wards");
        Indicator cdn = byValue.get("malicious-cdn.example");
        assertThat(cdn.id()).as("no id column value").isEqualTo("city-blocklist:domain:malicious-cdn.example");
        assertThat(cdn.description()).isEqualTo("Webshell C2, \"Godzilla\" family");
        assertThat(cdn.level()).isEqualTo(Level.CRITICAL);
        assertThat(byValue.get("192.0.2.128/25").validUntil()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(byValue.get("ke.toan@hoadon-dientu.example").tlp()).isEqualTo(Tlp.AMBER_STRICT);

        assertThat(feed.problems()).extracting(IndicatorProblem::line).containsExactly(8, 10, 12, 13, 14, 15, 16, 17);
        assertThat(feed.problems()).extracting(IndicatorProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("'12345' is not a md5 hash"),
                m -> assertThat(m).contains("top-level domain alone"),
                m -> assertThat(m).contains("unknown level 'severe'"),
                m -> assertThat(m).contains("'2026-13-01' is not a time"),
                m -> assertThat(m).contains("is not after valid_from"),
                m -> assertThat(m).contains("quoted field is not closed"),
                m -> assertThat(m).contains("12 fields, but the header has 9"),
                m -> assertThat(m).contains("unknown type 'registry'"));
        assertThat(feed.problems().getFirst()).hasToString("city-blocklist.csv:8: '12345' is not a md5 hash (32 hexadecimal digits)");
    }

    @Test
    void csvHeaderProblemsStopTheFileWithOneProblem() {
        assertThat(Feeds.read("a.csv", "value,level\n198.51.100.1,high\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must name the columns type and value"));
        assertThat(Feeds.read("a.csv", "type,value,type\nip,198.51.100.1,ip\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("names column 'type' twice"));
        assertThat(Feeds.read("a.csv", "# only comments\n\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no header line"));
        IndicatorFeed extra = Feeds.read("a.csv", "\uFEFFtype,value,owner\r\nip,198.51.100.1,soc\r\n");
        assertThat(extra.indicators()).hasSize(1);
        assertThat(extra.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("unknown columns [owner]"));
    }

    private static Map<String, Indicator> byValue(IndicatorFeed feed) {
        List<Indicator> indicators = feed.indicators();
        assertThat(indicators).extracting(Indicator::value).doesNotHaveDuplicates();
        return indicators.stream().collect(Collectors.toMap(Indicator::value, Function.identity()));
    }
}
