package com.ramparts.detection.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCliTest {

    @TempDir
    Path dir;

    private static final String RULE = """
            title: SSH denied
            id: 0b6a5c1e-4f7d-4c39-9a55-2f1e0c7d8a90
            status: experimental
            description: An SSH connection denied by a firewall.
            description_vi: Kết nối SSH bị tường lửa chặn.
            tags: [attack.credential-access, attack.t1110]
            logsource: {category: firewall}
            detection:
              selection: {event.type: denied, destination.port: 22}
              condition: selection
            falsepositives: [Admins]
            level: low
            """;

    private static final String TESTS = """
            - name: denied SSH
              expect: %s
              events:
                - {'@timestamp': '2026-11-22T03:47:08Z', event.dataset: iptables.log, event.type: [connection, denied],
                   source.ip: 10.77.0.1, destination.ip: 10.77.0.2, destination.port: 22}
            - name: allowed HTTPS
              expect: no-match
              events:
                - {'@timestamp': '2026-11-22T03:47:08Z', event.dataset: iptables.log, event.type: [connection, allowed],
                   destination.port: 443}
            """;

    private record Run(int status, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        int status = RulesCli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
        return new Run(status, out.toString());
    }

    @Test
    void aCleanRuleWithPassingTestsLintsAndTests() throws Exception {
        Files.writeString(dir.resolve("ssh.yml"), RULE);
        Files.writeString(dir.resolve("ssh.tests.yml"), TESTS.formatted("match"));

        assertThat(run("lint", dir.toString())).isEqualTo(new Run(0, "1 files, 0 problems" + System.lineSeparator()));
        Run test = run("test", dir.toString());
        assertThat(test.status()).isZero();
        assertThat(test.out()).contains("PASS " + dir.resolve("ssh.yml") + ": denied SSH", "2 cases, 0 failed");
    }

    @Test
    void aWrongExpectationFailsTheRun() throws Exception {
        Files.writeString(dir.resolve("ssh.yml"), RULE);
        Files.writeString(dir.resolve("ssh.tests.yml"), TESTS.formatted("2"));

        Run test = run("test", dir.toString());
        assertThat(test.status()).isEqualTo(1);
        assertThat(test.out()).contains("FAIL " + dir.resolve("ssh.yml") + ": denied SSH (expected 2, got 1)");
    }

    @Test
    void onlyPositiveCasesAreNotEnough() throws Exception {
        Files.writeString(dir.resolve("ssh.yml"), RULE);
        Files.writeString(dir.resolve("ssh.tests.yml"), TESTS.formatted("match").replace("expect: no-match", "expect: match"));

        Run test = run("test", dir.toString());
        assertThat(test.status()).isEqualTo(1);
        assertThat(test.out()).contains("needs at least one true-positive and one true-negative case");
    }

    @Test
    void lintReportsConventionsAndMissingTests() throws Exception {
        Files.writeString(dir.resolve("bad.yml"), RULE.replace("description_vi: Kết nối SSH bị tường lửa chặn.\n", "")
                .replace("0b6a5c1e-4f7d-4c39-9a55-2f1e0c7d8a90", "not-a-uuid")
                .replace("attack.t1110]", "attack.x]"));

        Run lint = run("lint", dir.toString());
        assertThat(lint.status()).isEqualTo(1);
        String file = dir.resolve("bad.yml").toString();
        assertThat(lint.out()).contains(file + ":2:5: [SSH denied] id 'not-a-uuid' is not a lower-case UUID",
                "[SSH denied] tags name no ATT&CK technique (attack.tNNNN)", "[SSH denied] no description_vi",
                file + ":1:1: no test file bad.tests.yml");
        Run test = run("test", dir.toString());
        assertThat(test.status()).isEqualTo(1);
        assertThat(test.out()).contains("no test file bad.tests.yml");
    }

    @Test
    void lintPrintsTheLoadersProblems() throws Exception {
        Files.writeString(dir.resolve("broken.yml"), RULE.replace("condition: selection", "condition: selection and nothing"));
        Files.writeString(dir.resolve("broken.tests.yml"), TESTS.formatted("match"));

        Run lint = run("lint", dir.toString());
        assertThat(lint.status()).isEqualTo(1);
        assertThat(lint.out()).contains(dir.resolve("broken.yml") + ":").contains("nothing");
    }

    @Test
    void correlationCasesCountAlerts() throws Exception {
        Files.writeString(dir.resolve("burst.yml"), RULE.replace("title: SSH denied", "title: SSH denied\nname: ssh_denied")
                + """
                ---
                title: SSH denied burst
                id: 7d0f3b2a-1c4e-4e8f-b6a2-9c3d5e7f1a20
                description: Three denies from one source.
                description_vi: Ba lần bị chặn từ một nguồn.
                tags: [attack.t1110]
                correlation: {type: event_count, rules: [ssh_denied], group-by: [source.ip], timespan: 1m, condition: {gte: 3}}
                falsepositives: [Admins]
                level: high
                """);
        String event = "    - {'@timestamp': '2026-11-22T03:47:0%dZ', event.dataset: iptables.log, event.type: denied,"
                + " source.ip: 10.77.0.1, destination.port: 22}\n";
        Files.writeString(dir.resolve("burst.tests.yml"), "- name: three\n  expect: 1\n  events:\n"
                + event.formatted(1) + event.formatted(2) + event.formatted(3)
                + "- name: two\n  expect: no-match\n  events:\n" + event.formatted(1) + event.formatted(2));

        Run test = run("test", dir.toString());
        assertThat(test.out()).contains("2 cases, 0 failed");
        assertThat(test.status()).isZero();
    }

    @Test
    void aMissingPathIsAProblemAndRunsNoTests() {
        Path missing = dir.resolve("nope");
        assertThat(run("lint", missing.toString()).out()).contains(missing + ":0:0: no such file or directory");
        assertThat(run("lint", missing.toString()).status()).isEqualTo(1);
        assertThat(run("test", missing.toString()).status()).isEqualTo(1);
    }

    @Test
    void coverageTabulatesSourcesAndTechniques() throws Exception {
        Files.createDirectories(dir.resolve("firewall"));
        Files.writeString(dir.resolve("firewall/ssh.yml"), RULE);

        Run coverage = run("coverage", dir.toString());
        assertThat(coverage.status()).isZero();
        assertThat(coverage.out()).contains("| firewall | 1 | 1 | 0 |", "| credential-access | 1 |", "| T1110 | 1 | firewall |");
    }

    @Test
    void indicatorListsAreCheckedAsSocLoadsThem() throws Exception {
        Files.writeString(dir.resolve("city.csv"), "type,value,level\nip,198.51.100.7,high\nmd5,xyz,high\n");
        Run checked = run("indicators", dir.toString());
        assertThat(checked.status()).isEqualTo(1);
        assertThat(checked.out()).contains("feed city (csv), 1 indicators")
                .contains("city.csv:3: 'xyz' is not a md5 hash").endsWith("1 indicators, 1 problems" + System.lineSeparator());
        Files.writeString(dir.resolve("city.csv"), "type,value\nip,198.51.100.7\n");
        assertThat(run("indicators", dir.resolve("city.csv").toString()).status()).isZero();
    }
}
