package com.ramparts.detection.correlation;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.detection.rule.CorrelationType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** temporal and temporal_ordered, with aliases across rules of different sources, and chaining. */
class TemporalCorrelationTest {

    private static final String AV_THEN_BACKUP = """
            title: Ransomware detected
            id: av-ransomware
            name: av_ransomware
            logsource: {category: antivirus}
            detection:
              sel: {Signature|contains: ransom}
              condition: sel
            ---
            title: Backup repository deleted
            id: backup-deleted
            name: backup_deleted
            logsource: {category: backup}
            detection:
              sel: {event.action: [forget, prune, delete], event.outcome: success}
              condition: sel
            ---
            title: Ransomware then backup deletion on the same site
            id: ransomware-backup
            level: critical
            tags: [attack.impact, attack.t1486, attack.t1490]
            correlation:
              type: TYPE
              rules: [av_ransomware, backup_deleted]
              group-by: [site]
              aliases:
                site:
                  av_ransomware: ramparts.site_id
                  backup_deleted: ramparts.site_id
              timespan: 1h
            """;

    private static void ransomware(Stream stream, long minute) {
        stream.at(ofMinutes(minute), "clamav.clamd", "rule.name", "Win.Ransomware.Locky", "file.path", "/srv/x.exe");
    }

    private static void backupDeleted(Stream stream, long minute) {
        stream.at(ofMinutes(minute), "restic.backup", "event.action", "forget", "event.outcome", "success");
    }

    @Test
    void temporalNeedsEveryRuleInTheTimespanInAnyOrder() {
        Stream stream = new Stream(AV_THEN_BACKUP.replace("TYPE", "temporal"));
        backupDeleted(stream, 0);
        ransomware(stream, 30);
        assertThat(stream.correlations()).singleElement().satisfies(alert -> {
            assertThat(alert.correlation()).contains(CorrelationType.TEMPORAL);
            assertThat(alert.groupKey()).isEqualTo(Map.of("site", "site-1"));
            assertThat(alert.techniques()).containsExactly("T1486", "T1490");
            assertThat(alert.eventIds()).hasSize(2);
        });
    }

    @Test
    void temporalDoesNotFireWhenTheEventsAreTooFarApart() {
        Stream stream = new Stream(AV_THEN_BACKUP.replace("TYPE", "temporal"));
        ransomware(stream, 0);
        backupDeleted(stream, 61);
        assertThat(stream.correlations()).isEmpty();
    }

    @Test
    void temporalOrderedNeedsTheWrittenOrder() {
        Stream ordered = new Stream(AV_THEN_BACKUP.replace("TYPE", "temporal_ordered"));
        backupDeleted(ordered, 0);
        ransomware(ordered, 10);
        assertThat(ordered.correlations()).isEmpty();
        backupDeleted(ordered, 20);
        assertThat(ordered.correlations()).singleElement()
                .satisfies(a -> assertThat(a.correlation()).contains(CorrelationType.TEMPORAL_ORDERED));
    }

    @Test
    void temporalOrderedUsesEventTimeNotArrivalOrder() {
        Stream stream = new Stream(AV_THEN_BACKUP.replace("TYPE", "temporal_ordered"));
        backupDeleted(stream, 20);
        ransomware(stream, 10); // arrives later but happened first
        assertThat(stream.correlations()).hasSize(1);
    }

    @Test
    void aliasesGroupDifferentFieldsOfDifferentRules() {
        Stream stream = new Stream("""
                title: IDS alert against a host
                id: ids-alert
                name: ids_alert
                logsource: {product: suricata, category: ids}
                detection:
                  sel: {event.severity|lte: 2}
                  condition: sel
                ---
                title: Outbound connection from a host
                id: outbound
                name: outbound
                logsource: {category: firewall}
                detection:
                  sel: {action: allow, network.direction: outbound}
                  condition: sel
                ---
                title: Exploit followed by a new outbound connection from the target
                id: exploit-then-outbound
                correlation:
                  type: temporal_ordered
                  rules: [ids_alert, outbound]
                  group-by: [victim]
                  aliases:
                    victim:
                      ids_alert: dst_ip
                      outbound: src_ip
                  timespan: 10m
                """);
        stream.at(ofMinutes(0), "suricata.eve", "event.kind", "alert", "event.severity", 1, "destination.ip", "10.1.1.7",
                "source.ip", "198.51.100.1");
        stream.at(ofMinutes(2), "iptables.log", "event.action", "allow", "network.direction", "outbound",
                "source.ip", "10.1.1.8");
        assertThat(stream.correlations()).isEmpty();
        stream.at(ofMinutes(3), "iptables.log", "event.action", "allow", "network.direction", "outbound",
                "source.ip", "10.1.1.7");
        assertThat(stream.correlations()).singleElement()
                .satisfies(a -> assertThat(a.groupKey()).isEqualTo(Map.of("victim", "10.1.1.7")));
    }

    @Test
    void aCorrelationCanFeedAnotherOne() {
        Stream stream = new Stream(EventCountCorrelationTest.RULES.replace("id: ssh-brute-force",
                "id: ssh-brute-force\nname: many_failed") + """
                ---
                title: SSH accepted
                id: ssh-ok
                name: ssh_ok
                logsource: {category: firewall}
                detection:
                  sel: {dst_port: 22, action: allow}
                  condition: sel
                ---
                title: Brute force followed by success
                id: brute-force-success
                level: critical
                correlation:
                  type: temporal_ordered
                  rules: [many_failed, ssh_ok]
                  group-by: [src_ip]
                  timespan: 30m
                """);
        for (int i = 0; i < 5; i++) {
            stream.at(ofMinutes(i), "iptables.log", "destination.port", 22, "event.action", "deny", "source.ip", "192.0.2.9");
        }
        stream.at(ofMinutes(6), "iptables.log", "destination.port", 22, "event.action", "allow", "source.ip", "192.0.2.9");
        // the brute force feeds the chain and raises no alert of its own (generate: false)
        assertThat(stream.correlations()).extracting(Alert::ruleId).containsExactly("brute-force-success");
    }
}
