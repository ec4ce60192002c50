package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.event;
import static com.ramparts.detection.Sigma.firewall;
import static com.ramparts.detection.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.load.LoadReport;
import com.ramparts.detection.load.RuleLoader;
import com.ramparts.detection.modifier.Placeholders;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modifiers exists, fieldref, expand (placeholders) and the time modifiers. */
class FieldModifiersTest {

    private static boolean when(String item, TelemetryEvent event) {
        return matches("sel:\n  " + item + "\ncondition: sel\n", event);
    }

    @Test
    void existsChecksPresenceOnly() {
        assertThat(when("user.name|exists: true", firewall("user.name", ""))).isTrue();
        assertThat(when("user.name|exists: true", firewall())).isFalse();
        assertThat(when("user.name|exists: false", firewall())).isTrue();
        assertThat(when("user.name|exists: false", firewall("user.name", "root"))).isFalse();
    }

    @Test
    void fieldrefComparesTwoFieldsOfTheEvent() {
        TelemetryEvent same = firewall("source.ip", "10.0.0.1", "destination.ip", "10.0.0.1");
        TelemetryEvent different = firewall("source.ip", "10.0.0.1", "destination.ip", "10.0.0.2");
        assertThat(when("src_ip|fieldref: dst_ip", same)).isTrue();
        assertThat(when("src_ip|fieldref: dst_ip", different)).isFalse();
        assertThat(when("src_ip|fieldref|neq: dst_ip", different)).isTrue();
        assertThat(when("src_ip|fieldref: dst_ip", firewall("source.ip", "10.0.0.1"))).isFalse();
    }

    @Test
    void fieldrefWithContainsStartswithEndswith() {
        TelemetryEvent event = firewall("user.name", "svc-backup", "process.command_line", "run as svc-backup now");
        assertThat(when("CommandLine|fieldref|contains: User", event)).isTrue();
        assertThat(when("CommandLine|fieldref|startswith: User", event)).isFalse();
        assertThat(when("CommandLine|fieldref|endswith: User",
                firewall("user.name", "bob", "process.command_line", "hello bob"))).isTrue();
    }

    @Test
    void expandReplacesPlaceholdersFromConfiguration() {
        RuleLoader loader = RuleLoader.builder()
                .placeholders(new Placeholders(Map.of("Admins", List.of("admin", "adm_*"), "Servers", List.of("srv-*"))))
                .build();
        LoadReport report = loader.loadString("expand.yml", com.ramparts.detection.Sigma.firewallRule("""
                sel:
                  User|expand: '%Admins%'
                  host.name|expand: '%Servers%'
                condition: sel
                """));
        assertThat(report.problems()).isEmpty();
        RuleSet rules = report.ruleSet();
        assertThat(rules.match(firewall("user.name", "adm_bob", "host.name", "srv-01"))).hasSize(1);
        assertThat(rules.match(firewall("user.name", "admin", "host.name", "srv-02"))).hasSize(1);
        assertThat(rules.match(firewall("user.name", "bob", "host.name", "srv-01"))).isEmpty();
        assertThat(rules.match(firewall("user.name", "admin", "host.name", "ws-01"))).isEmpty();
    }

    @Test
    void withoutExpandAPercentValueIsLiteralAndEscapedPercentStaysPlain() {
        assertThat(when("User: '%Admins%'", firewall("user.name", "%Admins%"))).isTrue();
        RuleLoader loader = RuleLoader.builder()
                .placeholders(new Placeholders(Map.of("name", List.of("x")))).build();
        RuleSet rules = loader.loadString("t.yml", com.ramparts.detection.Sigma.firewallRule("""
                sel:
                  User|expand: '\\%plain%name%'
                condition: sel
                """)).ruleSet();
        assertThat(rules.match(firewall("user.name", "%plainx"))).hasSize(1);
    }

    @Test
    void timeModifiersReadTheTimestampInTheConfiguredZone() {
        String rule = com.ramparts.detection.Sigma.firewallRule("""
                sel:
                  '@timestamp|hour': [22, 23, 0, 1, 2, 3, 4, 5]
                condition: sel
                """);
        RuleSet utc = com.ramparts.detection.Sigma.rules(rule);
        RuleSet hanoi = RuleLoader.builder().timeZone(ZoneId.of("Asia/Ho_Chi_Minh")).build()
                .loadString("t.yml", rule).ruleSet();
        TelemetryEvent at1600utc = event("iptables.log", Instant.parse("2026-03-02T16:30:00Z"));
        TelemetryEvent at2330utc = event("iptables.log", Instant.parse("2026-03-02T23:30:00Z"));
        assertThat(utc.match(at1600utc)).isEmpty();
        assertThat(utc.match(at2330utc)).hasSize(1);
        assertThat(hanoi.match(at1600utc)).hasSize(1); // 23:30 in Hanoi
        assertThat(hanoi.match(at2330utc)).isEmpty(); // 06:30 in Hanoi
    }

    @Test
    void timeModifiersReadIsoDatesInOtherFields() {
        TelemetryEvent event = firewall("tls.server.x509.not_after", "2026-12-31T10:00:00Z");
        assertThat(when("tls.server.x509.not_after|year: 2026", event)).isTrue();
        assertThat(when("tls.server.x509.not_after|month: 12", event)).isTrue();
        assertThat(when("tls.server.x509.not_after|day: 31", event)).isTrue();
        assertThat(when("tls.server.x509.not_after|minute: 0", event)).isTrue();
        assertThat(when("tls.server.x509.not_after|month: 11", event)).isFalse();
        assertThat(when("tls.server.x509.not_after|year: 2026", firewall("tls.server.x509.not_after", "soon"))).isFalse();
    }
}
