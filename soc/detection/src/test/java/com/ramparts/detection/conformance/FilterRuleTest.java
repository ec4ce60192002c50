package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.firewall;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.Sigma;
import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.load.LoadReport;
import org.junit.jupiter.api.Test;

/** Sigma filters: a filter's condition is AND-ed to the rules it names (pySigma's semantics). */
class FilterRuleTest {

    private static final String RULES = """
            title: SSH denied
            id: ssh-denied
            name: ssh_denied
            logsource: {category: firewall}
            detection:
              sel: {dst_port: 22, action: deny}
              condition: sel
            ---
            title: RDP denied
            id: rdp-denied
            logsource: {category: firewall}
            detection:
              sel: {dst_port: 3389, action: deny}
              condition: sel
            ---
            """;

    @Test
    void aFilterSuppressesMatchesOfTheRulesItNames() {
        RuleSet rules = Sigma.rules(RULES + """
                title: Ignore the jump host
                logsource: {category: firewall}
                filter:
                  rules: [ssh_denied]
                  selection:
                    src_ip: 10.0.0.5
                  condition: not selection
                """);
        assertThat(Sigma.ids(rules.match(firewall("destination.port", 22, "event.action", "deny", "source.ip", "10.0.0.5"))))
                .isEmpty();
        assertThat(Sigma.ids(rules.match(firewall("destination.port", 22, "event.action", "deny", "source.ip", "10.0.0.6"))))
                .containsExactly("ssh-denied");
        // the filter names only the SSH rule
        assertThat(Sigma.ids(rules.match(firewall("destination.port", 3389, "event.action", "deny", "source.ip", "10.0.0.5"))))
                .containsExactly("rdp-denied");
    }

    @Test
    void rulesAnyAppliesToEveryRuleOfTheLogSource() {
        RuleSet rules = Sigma.rules(RULES + """
                title: Ignore the scanner
                logsource: {category: firewall}
                filter:
                  rules: any
                  scanner:
                    src_ip|cidr: 10.99.0.0/16
                  condition: not scanner
                """);
        assertThat(rules.match(firewall("destination.port", 3389, "event.action", "deny", "source.ip", "10.99.1.1")))
                .isEmpty();
        assertThat(rules.match(firewall("destination.port", 3389, "event.action", "deny", "source.ip", "10.98.1.1")))
                .hasSize(1);
    }

    @Test
    void aFilterForAnotherLogSourceDoesNotApply() {
        RuleSet rules = Sigma.rules(RULES + """
                title: Suricata only
                logsource: {product: suricata}
                filter:
                  rules: any
                  all_events:
                    dst_port|exists: true
                  condition: not all_events
                """);
        assertThat(rules.match(firewall("destination.port", 22, "event.action", "deny"))).hasSize(1);
    }

    @Test
    void aFilterNamingAnUnknownRuleIsReported() {
        LoadReport report = Sigma.load(RULES + """
                title: Stale filter
                logsource: {category: firewall}
                filter:
                  rules: [no-such-rule]
                  sel: {src_ip: 1.1.1.1}
                  condition: not sel
                """);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("no-such-rule").contains("not loaded");
            assertThat(p.position()).isEqualTo(new com.ramparts.detection.yaml.Position(19, 11));
        });
        assertThat(report.ruleSet().size()).isEqualTo(2);
    }
}
