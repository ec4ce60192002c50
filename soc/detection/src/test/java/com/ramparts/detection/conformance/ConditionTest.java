package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.firewall;
import static com.ramparts.detection.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.telemetry.event.TelemetryEvent;
import org.junit.jupiter.api.Test;

/** Sigma spec, "Condition": and, or, not, brackets, 1 of / all of patterns and them, precedence. */
class ConditionTest {

    private static final String IDENTIFIERS = """
            sel_ssh:
              dst_port: 22
            sel_rdp:
              dst_port: 3389
            sel_deny:
              action: deny
            filter_admin:
              src_ip: 10.0.0.5
            _helper:
              user.name: backup
            """;

    private static boolean when(String condition, TelemetryEvent event) {
        return matches(IDENTIFIERS + "condition: " + condition + "\n", event);
    }

    private static final TelemetryEvent SSH_DENY = firewall("destination.port", 22, "event.action", "deny",
            "source.ip", "10.9.9.9");
    private static final TelemetryEvent SSH_DENY_ADMIN = firewall("destination.port", 22, "event.action", "deny",
            "source.ip", "10.0.0.5");
    private static final TelemetryEvent RDP_ALLOW = firewall("destination.port", 3389, "event.action", "allow");

    @Test
    void andOrNot() {
        assertThat(when("sel_ssh and sel_deny", SSH_DENY)).isTrue();
        assertThat(when("sel_ssh and sel_deny", RDP_ALLOW)).isFalse();
        assertThat(when("sel_ssh or sel_rdp", RDP_ALLOW)).isTrue();
        assertThat(when("sel_ssh and not filter_admin", SSH_DENY)).isTrue();
        assertThat(when("sel_ssh and not filter_admin", SSH_DENY_ADMIN)).isFalse();
    }

    @Test
    void andBindsTighterThanOrAndBracketsOverride() {
        // sel_rdp or (sel_ssh and sel_deny)
        assertThat(when("sel_rdp or sel_ssh and sel_deny", RDP_ALLOW)).isTrue();
        // (sel_rdp or sel_ssh) and sel_deny
        assertThat(when("(sel_rdp or sel_ssh) and sel_deny", RDP_ALLOW)).isFalse();
        assertThat(when("(sel_rdp or sel_ssh) and sel_deny", SSH_DENY)).isTrue();
    }

    @Test
    void notBindsTighterThanAnd() {
        assertThat(when("not sel_rdp and sel_deny", SSH_DENY)).isTrue();
        assertThat(when("not (sel_rdp or sel_deny)", SSH_DENY)).isFalse();
    }

    @Test
    void oneOfAPatternNeedsOneMatchingIdentifier() {
        assertThat(when("1 of sel_*", RDP_ALLOW)).isTrue();
        assertThat(when("1 of sel_* and not 1 of filter_*", SSH_DENY_ADMIN)).isFalse();
        assertThat(when("any of sel_*", RDP_ALLOW)).isTrue();
    }

    @Test
    void allOfAPatternNeedsEveryMatchingIdentifier() {
        assertThat(when("all of sel_*", SSH_DENY)).isFalse(); // sel_rdp does not match
        assertThat(matches("""
                sel_a:
                  dst_port: 22
                sel_b:
                  action: deny
                condition: all of sel_*
                """, SSH_DENY)).isTrue();
    }

    @Test
    void themMeansEveryIdentifierExceptThoseStartingWithUnderscore() {
        assertThat(when("1 of them", RDP_ALLOW)).isTrue();
        TelemetryEvent backupOnly = firewall("user.name", "backup");
        assertThat(when("1 of them", backupOnly)).isFalse();
        assertThat(when("_helper", backupOnly)).isTrue();
        assertThat(matches("""
                a:
                  dst_port: 22
                b:
                  action: deny
                _ignored:
                  user.name: nobody
                condition: all of them
                """, SSH_DENY)).isTrue();
    }

    @Test
    void aListOfConditionsIsOred() {
        String detection = IDENTIFIERS + "condition:\n  - sel_ssh and sel_deny\n  - sel_rdp\n";
        assertThat(matches(detection, RDP_ALLOW)).isTrue();
        assertThat(matches(detection, SSH_DENY)).isTrue();
        assertThat(matches(detection, firewall("destination.port", 22, "event.action", "allow"))).isFalse();
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(when("sel_ssh AND NOT filter_admin", SSH_DENY)).isTrue();
    }
}
