package com.ramparts.detection.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.Sigma;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The index: an event is tested only against rules that can match it, and never loses a match. */
class RuleIndexTest {

    /** 1,000 firewall rules on distinct ports, 200 Suricata rules on distinct signature ids, 50 keyword rules. */
    private static RuleSet manyRules() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            yaml.append("title: port ").append(i).append("\nid: fw-").append(i)
                    .append("\nlogsource: {category: firewall}\ndetection:\n  sel:\n    dst_port: ").append(1000 + i)
                    .append("\n    action: [deny, drop]\n  condition: sel\n---\n");
        }
        for (int i = 0; i < 200; i++) {
            yaml.append("title: sid ").append(i).append("\nid: ids-").append(i)
                    .append("\nlogsource: {product: suricata, category: ids}\ndetection:\n  sel:\n    alert.signature_id: ")
                    .append(2_000_000 + i).append("\n  condition: sel\n---\n");
        }
        for (int i = 0; i < 50; i++) {
            yaml.append("title: keyword ").append(i).append("\nid: kw-").append(i)
                    .append("\nlogsource: {category: firewall}\ndetection:\n  keywords: ['needle").append(i)
                    .append("']\n  condition: keywords\n---\n");
        }
        // one source per rule: a single file may hold at most 200 documents
        java.util.List<com.ramparts.detection.load.RuleSource> sources = new java.util.ArrayList<>();
        String[] documents = yaml.toString().split("---\n");
        for (int i = 0; i < documents.length; i++) {
            sources.add(new com.ramparts.detection.load.RuleSource("rule-" + i + ".yml", documents[i]));
        }
        var report = com.ramparts.detection.load.RuleLoader.withDefaults().loadSources(sources);
        assertThat(report.problems()).isEmpty();
        return report.ruleSet();
    }

    private static final RuleSet RULES = manyRules();

    @Test
    void anEventIsTestedAgainstAFewRulesOnly() {
        TelemetryEvent event = Sigma.firewall("destination.port", 1500, "event.action", "deny");
        assertThat(Sigma.ids(RULES.match(event))).containsExactly("fw-500");
        // the port's one rule plus the 50 keyword rules that have no required field
        assertThat(RULES.candidates(event)).isLessThanOrEqualTo(51);
        TelemetryEvent alert = Sigma.event("suricata.eve", Instant.EPOCH, "event.kind", "alert", "rule.id", "2000042");
        assertThat(Sigma.ids(RULES.match(alert))).containsExactly("ids-42");
        assertThat(RULES.candidates(alert)).isEqualTo(1);
    }

    @Test
    void eventsOfADatasetNoRuleUsesCostNothing() {
        assertThat(RULES.candidates(Sigma.event("restic.backup", Instant.EPOCH, "event.outcome", "failure"))).isZero();
        assertThat(RULES.candidates(Sigma.event("unknown.dataset", Instant.EPOCH))).isZero();
    }

    @Test
    void numbersInStringsAndCaseDifferencesStillFindTheirRules() {
        assertThat(Sigma.ids(RULES.match(Sigma.firewall("destination.port", 1007, "event.action", "DROP"))))
                .containsExactly("fw-7");
        TelemetryEvent stringPort = Sigma.event("iptables.log", Instant.EPOCH, "destination.ip", "1.2.3.4",
                "event.action", "deny", "network.transport", "tcp");
        assertThat(RULES.match(stringPort)).isEmpty();
        TelemetryEvent sidAsText = Sigma.event("suricata.eve", Instant.EPOCH, "event.kind", "alert", "rule.id",
                "2000042.0");
        assertThat(Sigma.ids(RULES.match(sidAsText))).containsExactly("ids-42");
    }

    @Test
    void keywordRulesStillMatchThroughTheIndex() {
        TelemetryEvent event = Sigma.firewall("event.original", "... needle7 ...", "destination.port", 9);
        assertThat(Sigma.ids(RULES.match(event))).containsExactly("kw-7");
    }

    @Test
    void indexedMatchingEqualsTestingEveryRule() {
        java.util.Random random = new java.util.Random(7);
        String[] cases = {"x needle", "X NEEDLE", "ſome nEEdle", "needle-", "nee dle", "–needle", ""};
        for (int i = 0; i < 4_000; i++) {
            String text = cases[random.nextInt(cases.length)] + random.nextInt(60) + (random.nextBoolean() ? "" : " tail");
            TelemetryEvent event = Sigma.firewall("destination.port", 900 + random.nextInt(1300), "event.action",
                    random.nextBoolean() ? "deny" : "Drop", random.nextBoolean() ? "event.original" : "message", text);
            var expected = RULES.rules().stream().filter(r -> r.datasets().contains("iptables.log"))
                    .filter(r -> r.matches(event)).map(r -> r.info().id()).toList();
            assertThat(Sigma.ids(RULES.match(event))).isEqualTo(expected);
            // the port's rule and the keyword rules whose needle occurs, nothing else
            assertThat(RULES.candidates(event)).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void everyRuleHereHasSomethingToLookUp() {
        assertThat(RULES.alwaysTested()).containsEntry("iptables.log", 0).containsEntry("suricata.eve", 0);
        assertThat(RULES.alwaysTested().values()).containsOnly(0);
    }

    @Test
    void rulesThatNeedNothingTheIndexCanLookUpAreCountedAsAlwaysTested() {
        RuleSet rules = Sigma.rules("""
                title: not from the jump host
                id: not-jump
                logsource: {category: firewall}
                detection:
                  sel: {src_ip: 10.0.0.5}
                  condition: not sel
                ---
                title: big transfer or no port
                id: big
                logsource: {category: firewall}
                detection:
                  big: {dst_port|gte: 1024}
                  none: {dst_port: null}
                  condition: big or none
                ---
                title: contains, with a numeric side condition
                id: indexed
                logsource: {category: firewall}
                detection:
                  sel: {src_ip|startswith: '10.', dst_port|gte: 1024}
                  condition: sel
                """);
        assertThat(rules.alwaysTested()).containsEntry("iptables.log", 2);
        assertThat(Sigma.ids(rules.match(Sigma.firewall("source.ip", "10.1.1.1", "destination.port", 2000))))
                .containsExactly("not-jump", "big", "indexed");
    }

    @Test
    void theRuleCorpusIsIndexed() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(RuleIndexTest.class.getResource("/corpus").toURI());
        var loader = com.ramparts.detection.load.RuleLoader.builder().placeholders(new com.ramparts.detection.modifier
                .Placeholders(java.util.Map.of("TestOperators", java.util.List.of("test-operator", "qa-*")))).build();
        var report = loader.load(java.util.stream.Stream.of("firewall",
                "suricata", "antivirus", "backup", "pki").map(root::resolve).toList());
        assertThat(report.problems()).isEmpty();
        assertThat(report.ruleSet().alwaysTested().values().stream().mapToInt(Integer::intValue).sum()).isZero();
    }
}
