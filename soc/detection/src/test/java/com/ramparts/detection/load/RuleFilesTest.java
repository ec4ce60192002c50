package com.ramparts.detection.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rules directory holds rules and, beside each, its test cases: only the rules are loaded. */
class RuleFilesTest {

    @TempDir
    Path dir;

    @Test
    void testCasesBesideARuleAreNotLoadedAsRules() throws Exception {
        Files.createDirectories(dir.resolve("firewall"));
        Files.writeString(dir.resolve("firewall/ssh.yml"), """
                title: ssh denied
                id: 7f1d4c52-2c43-4a8e-9a51-0d6f0f0b2a11
                logsource: {category: firewall}
                detection:
                  sel:
                    dst_port: 22
                  condition: sel
                """);
        Files.writeString(dir.resolve("firewall/ssh.tests.yml"), """
                - name: a denied ssh connection
                  expect: match
                  events: [{event.dataset: iptables.log, destination.port: 22}]
                """);
        Files.writeString(dir.resolve("firewall/notes.txt"), "not yaml");

        LoadReport report = RuleLoader.withDefaults().load(List.of(dir));

        assertThat(report.problems()).isEmpty();
        assertThat(report.ruleSet().size()).isEqualTo(1);
        assertThat(RuleLoader.isRuleFile(Path.of("a/ssh.yml"))).isTrue();
        assertThat(RuleLoader.isRuleFile(Path.of("a/ssh.yaml"))).isTrue();
        assertThat(RuleLoader.isRuleFile(Path.of("a/ssh.tests.yml"))).isFalse();
        assertThat(RuleLoader.isRuleFile(Path.of("a/ssh.txt"))).isFalse();
    }
}
