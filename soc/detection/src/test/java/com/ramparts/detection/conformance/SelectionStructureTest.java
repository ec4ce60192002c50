package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.firewall;
import static com.ramparts.detection.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sigma spec, "Detection": maps are AND, lists are OR, lists of maps, keywords, special values. */
class SelectionStructureTest {

    @Test
    void aMapRequiresEveryField() {
        String detection = """
                sel:
                  src_ip: 10.0.0.1
                  dst_port: 22
                condition: sel
                """;
        assertThat(matches(detection, firewall("source.ip", "10.0.0.1", "destination.port", 22))).isTrue();
        assertThat(matches(detection, firewall("source.ip", "10.0.0.1", "destination.port", 80))).isFalse();
        assertThat(matches(detection, firewall("source.ip", "10.0.0.1"))).isFalse();
    }

    @Test
    void aListOfValuesNeedsOne() {
        String detection = """
                sel:
                  dst_port: [22, 3389, 443]
                condition: sel
                """;
        assertThat(matches(detection, firewall("destination.port", 3389))).isTrue();
        assertThat(matches(detection, firewall("destination.port", 8080))).isFalse();
    }

    @Test
    void aListOfMapsNeedsOneMap() {
        String detection = """
                sel:
                  - dst_port: 22
                    action: deny
                  - dst_port: 3389
                condition: sel
                """;
        assertThat(matches(detection, firewall("destination.port", 22, "event.action", "deny"))).isTrue();
        assertThat(matches(detection, firewall("destination.port", 3389, "event.action", "allow"))).isTrue();
        assertThat(matches(detection, firewall("destination.port", 22, "event.action", "allow"))).isFalse();
    }

    @Test
    void keywordsAreSearchedInTheOriginalLineAndTheMessage() {
        String detection = """
                keywords:
                  - 'Possible SYN flooding'
                  - 'nf_conntrack: table full'
                condition: keywords
                """;
        assertThat(matches(detection, firewall("event.original", "kernel: TCP: Possible SYN flooding on port 80"))).isTrue();
        assertThat(matches(detection, firewall("message", "nf_conntrack: table full, dropping packet"))).isTrue();
        assertThat(matches(detection, firewall("event.original", "kernel: IN=eth0 OUT= SRC=10.0.0.1"))).isFalse();
    }

    @Test
    void keywordsWithAllNeedEveryValue() {
        String detection = """
                keywords:
                  '|all':
                    - 'DROP'
                    - 'DPT=22'
                condition: keywords
                """;
        assertThat(matches(detection, firewall("event.original", "DROP IN=eth0 SRC=1.2.3.4 DPT=22"))).isTrue();
        assertThat(matches(detection, firewall("event.original", "DROP IN=eth0 SRC=1.2.3.4 DPT=80"))).isFalse();
    }

    @Test
    void aSingleScalarSearchIdentifierIsAKeyword() {
        String detection = """
                keyword: 'segfault'
                condition: keyword
                """;
        assertThat(matches(detection, firewall("event.original", "app[12]: segfault at 0"))).isTrue();
        assertThat(matches(detection, firewall("event.original", "all fine"))).isFalse();
    }

    @Test
    void nullMeansTheFieldIsAbsent() {
        String detection = """
                sel:
                  dst_port: 22
                empty:
                  user.name: null
                condition: sel and empty
                """;
        assertThat(matches(detection, firewall("destination.port", 22))).isTrue();
        assertThat(matches(detection, firewall("destination.port", 22, "user.name", "root"))).isFalse();
    }

    @Test
    void anEmptyStringMatchesOnlyAnEmptyValue() {
        String detection = """
                sel:
                  user.name: ''
                condition: sel
                """;
        assertThat(matches(detection, firewall("user.name", ""))).isTrue();
        assertThat(matches(detection, firewall("user.name", "root"))).isFalse();
        assertThat(matches(detection, firewall())).isFalse();
    }

    @Test
    void numbersMatchNumericFieldsAndTheirText() {
        String detection = """
                sel:
                  EventID: 1116
                condition: sel
                """;
        assertThat(matches(detection, firewall("event.code", "1116"))).isTrue();
        assertThat(matches(detection, firewall("event.code", "1117"))).isFalse();
        String quoted = """
                sel:
                  dst_port: '22'
                condition: sel
                """;
        assertThat(matches(quoted, firewall("destination.port", 22))).isTrue();
    }

    @Test
    void ecsArraysMatchWhenAnyElementMatches() {
        String detection = """
                sel:
                  event.category: network
                condition: sel
                """;
        assertThat(matches(detection, firewall("event.category", List.of("network", "intrusion_detection")))).isTrue();
        assertThat(matches(detection, firewall("event.category", List.of("file")))).isFalse();
    }

    @Test
    void booleansMatchBooleanFields() {
        String detection = """
                sel:
                  tls.established: false
                condition: sel
                """;
        assertThat(matches(detection, firewall("tls.established", false))).isTrue();
        assertThat(matches(detection, firewall("tls.established", true))).isFalse();
    }

    @Test
    void sigmaFieldNamesAreMappedToEcs() {
        String detection = """
                sel:
                  SourceIp: 10.1.1.1
                  DestinationPort: 445
                  User: admin
                condition: sel
                """;
        assertThat(matches(detection, firewall("source.ip", "10.1.1.1", "destination.port", 445, "user.name", "admin")))
                .isTrue();
        assertThat(matches(detection, firewall("source.ip", "10.1.1.2", "destination.port", 445, "user.name", "admin")))
                .isFalse();
    }
}
