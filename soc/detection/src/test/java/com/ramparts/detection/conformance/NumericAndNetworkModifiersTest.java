package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.firewall;
import static com.ramparts.detection.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.telemetry.event.TelemetryEvent;
import org.junit.jupiter.api.Test;

/** Modifiers lt, lte, gt, gte, neq and cidr. */
class NumericAndNetworkModifiersTest {

    private static boolean when(String item, TelemetryEvent event) {
        return matches("sel:\n  " + item + "\ncondition: sel\n", event);
    }

    @Test
    void comparisons() {
        TelemetryEvent port1024 = firewall("destination.port", 1024);
        assertThat(when("dst_port|lt: 1025", port1024)).isTrue();
        assertThat(when("dst_port|lt: 1024", port1024)).isFalse();
        assertThat(when("dst_port|lte: 1024", port1024)).isTrue();
        assertThat(when("dst_port|gt: 1024", port1024)).isFalse();
        assertThat(when("dst_port|gt: 1023", port1024)).isTrue();
        assertThat(when("dst_port|gte: 1024", port1024)).isTrue();
        assertThat(when("dst_port|gte: 1025", port1024)).isFalse();
    }

    @Test
    void comparisonsReadNumbersInStringsAndFloats() {
        assertThat(when("event.risk_score|gt: 70.5", firewall("event.risk_score", 71.0))).isTrue();
        assertThat(when("event.risk_score|gt: 70.5", firewall("event.risk_score", 70.0))).isFalse();
        assertThat(when("event.code|gte: 4000", firewall("event.code", "4625"))).isTrue();
        assertThat(when("event.code|gte: 4000", firewall("event.code", "abc"))).isFalse();
    }

    @Test
    void neqNegatesTheItem() {
        assertThat(when("action|neq: allow", firewall("event.action", "deny"))).isTrue();
        assertThat(when("action|neq: allow", firewall("event.action", "ALLOW"))).isFalse();
        assertThat(when("dst_port|neq: [80, 443]", firewall("destination.port", 22))).isTrue();
        assertThat(when("dst_port|neq: [80, 443]", firewall("destination.port", 443))).isFalse();
        // like pySigma's NOT: an absent field is different from the value
        assertThat(when("action|neq: allow", firewall("destination.port", 22))).isTrue();
    }

    @Test
    void cidrMatchesIpv4Networks() {
        assertThat(when("src_ip|cidr: 10.0.0.0/8", firewall("source.ip", "10.20.30.40"))).isTrue();
        assertThat(when("src_ip|cidr: 10.0.0.0/8", firewall("source.ip", "11.0.0.1"))).isFalse();
        assertThat(when("src_ip|cidr: 192.168.1.128/25", firewall("source.ip", "192.168.1.200"))).isTrue();
        assertThat(when("src_ip|cidr: 192.168.1.128/25", firewall("source.ip", "192.168.1.100"))).isFalse();
        assertThat(when("src_ip|cidr: ['10.0.0.0/8', '172.16.0.0/12']", firewall("source.ip", "172.20.1.1"))).isTrue();
        assertThat(when("src_ip|cidr: 10.0.0.0/8", firewall("source.ip", "not-an-ip"))).isFalse();
        assertThat(when("src_ip|cidr: 0.0.0.0/0", firewall("source.ip", "8.8.8.8"))).isTrue();
    }

    @Test
    void cidrMatchesIpv6Networks() {
        assertThat(when("src_ip|cidr: 'fd00::/8'", firewall("source.ip", "fd12:3456::1"))).isTrue();
        assertThat(when("src_ip|cidr: 'fd00::/8'", firewall("source.ip", "fe80::1"))).isFalse();
        assertThat(when("src_ip|cidr: '2001:db8::/32'", firewall("source.ip", "2001:DB8:0:0:0:0:0:1"))).isTrue();
        assertThat(when("src_ip|cidr: '::ffff:0:0/96'", firewall("source.ip", "::ffff:10.0.0.1"))).isTrue();
        assertThat(when("src_ip|cidr: 'fd00::/8'", firewall("source.ip", "10.0.0.1"))).isFalse();
    }

    @Test
    void cidrLooksAtEveryAddressOfAnArray() {
        assertThat(when("related.ip|cidr: 10.0.0.0/8", firewall("related.ip", java.util.List.of("8.8.8.8", "10.1.1.1"))))
                .isTrue();
    }
}
