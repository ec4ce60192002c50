package com.ramparts.agent.parse.mapping;

import static com.ramparts.agent.parse.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.ramparts.agent.parse.Fixtures;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What the real (and documented) product output becomes in ECS, format by format. */
class FixtureMappingTest {

    private static TelemetryEvent only(List<TelemetryEvent> events, Predicate<TelemetryEvent> which) {
        List<TelemetryEvent> found = events.stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static Predicate<TelemetryEvent> where(String field, Object expected) {
        return event -> expected.equals(value(event, field));
    }

    @Test
    void suricataEveCoversEveryEventTypeSuricataWroteWithItsOwnTimestamp() {
        List<TelemetryEvent> events = Fixtures.parseAll("suricata-eve", "suricata/eve.json");
        assertThat(events.stream().map(e -> value(e, "suricata.eve.event_type")).distinct())
                .contains("alert", "anomaly", "drop", "flow", "netflow", "dns", "http", "tls", "ssh", "smtp", "fileinfo",
                        "dhcp", "stats");
        TelemetryEvent eicar = only(events, where("rule.id", "9000001"));
        assertThat(eicar.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:46:15.980589Z"));
        assertThat(value(eicar, "event.kind")).isEqualTo("alert");
        assertThat(value(eicar, "event.category")).isEqualTo(List.of("network", "intrusion_detection"));
        assertThat(value(eicar, "rule.name")).isEqualTo("RAMPARTS EICAR test file downloaded over HTTP");
        assertThat(value(eicar, "event.severity")).isEqualTo(1L);
        // logged to_client: the server is the source, so the flow's to-server counters are the destination's
        assertThat(value(eicar, "source.ip")).isEqualTo("10.77.0.2");
        assertThat(value(eicar, "destination.bytes")).isEqualTo(359L);
        TelemetryEvent blocked = only(events, where("rule.id", "9000004").and(where("event.kind", "alert")));
        TelemetryEvent drop = only(events, where("suricata.eve.event_type", "drop"));
        assertThat(value(drop, "rule.id")).as("a drop names the rule that dropped").isEqualTo("9000004");
        assertThat(value(blocked, "event.type")).isEqualTo(List.of("denied"));
        TelemetryEvent tls = only(events, where("suricata.eve.event_type", "tls"));
        assertThat(value(tls, "tls.version")).isEqualTo("1.2");
        assertThat(value(tls, "tls.client.server_name")).isEqualTo("portal.ward03.example");
        assertThat(value(tls, "tls.server.x509.subject.common_name")).isEqualTo("portal.ward03.example");
        assertThat(value(tls, "tls.server.x509.not_after")).isEqualTo("2027-11-22T03:46:06Z");
        TelemetryEvent answer = events.stream().filter(where("dns.type", "answer"))
                .filter(where("dns.question.name", "portal.ward03.example")).findFirst().orElseThrow();
        assertThat(value(answer, "dns.resolved_ip")).isEqualTo(List.of("10.77.0.53"));
        TelemetryEvent file = only(events, where("file.name", "eicar.com"));
        assertThat(value(file, "file.hash.md5")).isEqualTo("44d88612fea8a8f36de82e1278abb02f");
        TelemetryEvent smtp = events.stream().filter(where("suricata.eve.event_type", "smtp")).findFirst().orElseThrow();
        assertThat(value(smtp, "email.from.address")).isEqualTo("officer@ward03.example");
        TelemetryEvent offer = only(events, where("event.action", "offer"));
        assertThat(value(offer, "client.mac")).isEqualTo("02-00-00-AA-0B-01");
        TelemetryEvent stats = only(events, where("event.kind", "metric"));
        assertThat(value(stats, "suricata.eve.stats.decoder.pkts")).isEqualTo(95L);
    }

    @Test
    void suricataDnsV3AndUnknownTypesAreKept() {
        List<TelemetryEvent> events = Fixtures.parseAll("suricata-eve", "suricata/eve-documented.json");
        assertThat(value(events.get(0), "dns.type")).isEqualTo("query");
        assertThat(value(events.get(0), "dns.question.name")).isEqualTo("portal.ward03.example");
        assertThat(value(events.get(1), "dns.type")).isEqualTo("answer");
        assertThat(value(events.get(1), "dns.answers.type")).isEqualTo(List.of("CNAME", "A"));
        assertThat(value(events.get(1), "dns.resolved_ip")).isEqualTo(List.of("10.77.0.53"));
        assertThat(value(events.get(2), "event.kind")).isEqualTo("event");
        assertThat(value(events.get(2), "network.protocol")).isEqualTo("quic");
        assertThat(value(events.get(2), "event.action")).isEqualTo("quic");
    }

    @Test
    void everyFormOfTheKernelLogGivesTheSameFirewallEvents() {
        for (String form : List.of("dmesg.log", "dmesg-iso.log", "journal-short.log", "journal-short-iso.log",
                "journal.json", "kern-traditional.log", "kern-rfc3339.log", "kern-rfc5424.log")) {
            List<TelemetryEvent> events = Fixtures.parseAll("iptables", "iptables/" + form);
            assertThat(events).as(form).hasSize(11);
            TelemetryEvent ssh = events.getFirst();
            assertThat(value(ssh, "rule.name")).as(form).isEqualTo("RAMPARTS-SSH-DROP");
            assertThat(value(ssh, "event.action")).isEqualTo("drop");
            assertThat(value(ssh, "event.type")).isEqualTo(List.of("connection", "denied"));
            assertThat(value(ssh, "source.ip")).isEqualTo("10.77.0.1");
            assertThat(value(ssh, "destination.port")).isEqualTo(22L);
            assertThat(value(ssh, "network.transport")).isEqualTo("tcp");
            assertThat(value(ssh, "observer.ingress.interface.name")).isEqualTo("veth2");
            assertThat(value(ssh, "iptables.tcp.flags")).isEqualTo(List.of("SYN"));
            assertThat(value(events.get(2), "rule.name")).isEqualTo("UFW BLOCK");
            assertThat(value(events.get(3), "iptables.icmp.type")).isEqualTo(8L);
            assertThat(value(events.get(5), "observer.egress.interface.name")).isEqualTo("veth1");
            assertThat(value(events.get(5), "user.id")).isEqualTo("0");
            assertThat(value(events.get(6), "network.type")).isEqualTo("ipv6");
            assertThat(value(events.get(8), "rule.name")).isEqualTo("nft-rdp-drop");
            assertThat(value(events.get(10), "event.type")).isEqualTo(List.of("connection", "allowed"));
        }
        TelemetryEvent stamped = Fixtures.parseAll("iptables", "iptables/kern-rfc3339.log").getFirst();
        assertThat(stamped.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:47:08.229308Z"));
        assertThat(value(stamped, "host.name")).isEqualTo("vm");
    }

    @Test
    void filterlogLinesBecomeFirewallEvents() {
        List<TelemetryEvent> events = Fixtures.parseAll("pfsense-filterlog", "pfsense/filterlog.log");
        assertThat(events).hasSize(5);
        assertThat(value(events.get(0), "event.action")).isEqualTo("block");
        assertThat(value(events.get(0), "source.ip")).isEqualTo("203.0.113.45");
        assertThat(value(events.get(0), "destination.port")).isEqualTo(22L);
        assertThat(value(events.get(0), "rule.id")).isEqualTo("1000000103");
        assertThat(value(events.get(1), "event.type")).isEqualTo(List.of("connection", "allowed"));
        assertThat(value(events.get(2), "network.type")).isEqualTo("ipv6");
        assertThat(value(events.get(3), "pfsense.icmp.type")).isEqualTo("request");
        assertThat(value(events.get(4), "observer.name")).isEqualTo("pfsense.ward03.local");
        List<TelemetryEvent> opn = Fixtures.parseAll("opnsense-filterlog", "pfsense/opnsense-filterlog.log");
        assertThat(value(opn.get(1), "observer.product")).isEqualTo("OPNsense");
        assertThat(value(opn.get(1), "destination.port")).isEqualTo(3389L);
    }

    @Test
    void fortigateTrafficUtmAndEventLogs() {
        List<TelemetryEvent> events = Fixtures.parseAll("fortigate", "fortigate/fortigate.log");
        assertThat(events.get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(1795319401L, 123456789));
        assertThat(value(events.get(0), "rule.name")).isEqualTo("LAN-to-Internet");
        assertThat(value(events.get(0), "source.nat.ip")).isEqualTo("198.51.100.2");
        assertThat(value(events.get(0), "event.duration")).isEqualTo(36_000_000_000L);
        assertThat(value(events.get(1), "event.type")).isEqualTo(List.of("connection", "denied"));
        assertThat(value(events.get(2), "event.kind")).isEqualTo("alert");
        assertThat(value(events.get(2), "rule.name")).isEqualTo("EICAR_TEST_FILE");
        assertThat(value(events.get(3), "event.category")).isEqualTo(List.of("network", "intrusion_detection"));
        assertThat(value(events.get(4), "event.outcome")).isEqualTo("failure");
        assertThat(value(events.get(4), "event.category")).isEqualTo(List.of("authentication"));
    }

    @Test
    void asaDenyPermitBuiltAndTeardown() {
        List<TelemetryEvent> events = Fixtures.parseAll("cisco-asa", "asa/asa.log");
        assertThat(events).hasSize(14);
        TelemetryEvent deny = events.get(0);
        assertThat(value(deny, "event.code")).isEqualTo("106023");
        assertThat(value(deny, "rule.name")).isEqualTo("outside_access_in");
        assertThat(value(deny, "destination.port")).isEqualTo(3389L);
        assertThat(deny.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:55:01Z"));
        assertThat(value(events.get(2), "event.duration")).isEqualTo(38_000_000_000L);
        assertThat(value(events.get(2), "network.bytes")).isEqualTo(18342L);
        // outbound: the inside host started it
        assertThat(value(events.get(3), "source.ip")).isEqualTo("10.40.0.17");
        assertThat(value(events.get(5), "observer.hostname")).isEqualTo("asa-ward07");
        assertThat(value(events.get(6), "event.type")).isEqualTo(List.of("connection", "denied"));
        assertThat(value(events.get(13), "event.type")).isEqualTo(List.of("info"));
    }

    @Test
    void clamdLogDetectionsSelfCheckAndReloads() {
        List<TelemetryEvent> events = Fixtures.parseAll("clamav-clamd", "clamav/clamd.log");
        TelemetryEvent found = events.stream().filter(where("event.kind", "alert")).findFirst().orElseThrow();
        assertThat(value(found, "rule.name")).isEqualTo("Ramparts.Test.EICAR.Hash.UNOFFICIAL");
        assertThat(value(found, "file.hash.md5")).isEqualTo("44d88612fea8a8f36de82e1278abb02f");
        assertThat(value(found, "file.size")).isEqualTo(68L);
        assertThat(found.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:47:34Z"));
        assertThat(events).anySatisfy(e -> assertThat(value(e, "event.action")).isEqualTo("self-check"));
        assertThat(events).anySatisfy(e -> assertThat(value(e, "clamav.database.signatures")).isEqualTo(3L));
        assertThat(events).anySatisfy(e -> assertThat(value(e, "event.action")).isEqualTo("file-scanned"));
        assertThat(events).noneSatisfy(e -> assertThat((String) value(e, "message")).startsWith("Limits:"));
    }

    @Test
    void clamscanGivesOneAlertPerDetectionAndOneSummary() {
        List<TelemetryEvent> events = Fixtures.parseAll("clamav-clamscan", "clamav/clamscan.out");
        assertThat(events).hasSize(4);
        assertThat(events.subList(0, 3)).allSatisfy(e -> assertThat(value(e, "event.kind")).isEqualTo("alert"));
        TelemetryEvent summary = events.get(3);
        assertThat(value(summary, "clamav.scan.infected_files")).isEqualTo(3L);
        assertThat(value(summary, "clamav.scan.files")).isEqualTo(5L);
        assertThat(value(summary, "observer.version")).isEqualTo("1.4.6");
        assertThat(summary.original().orElseThrow()).startsWith("----------- SCAN SUMMARY -----------\n");
    }

    @Test
    void freshclamGivesDatabaseStateFailuresAndSignatureAge() {
        List<TelemetryEvent> failed = Fixtures.parseAll("clamav-freshclam", "clamav/freshclam.log");
        assertThat(failed).anySatisfy(e -> assertThat(value(e, "event.outcome")).isEqualTo("failure"));
        List<TelemetryEvent> ok = Fixtures.parseAll("clamav-freshclam", "clamav/freshclam-documented.log");
        TelemetryEvent updated = only(ok, where("event.action", "database-updated"));
        assertThat(value(updated, "clamav.database.version")).isEqualTo(27101L);
        assertThat(value(updated, "event.kind")).isEqualTo("state");
        TelemetryEvent age = Fixtures.parseAll("clamav-freshclam", "clamav/clamav-version.txt").getFirst();
        assertThat(value(age, "event.kind")).isEqualTo("metric");
        assertThat(value(age, "clamav.database.version")).isEqualTo(27100L);
        // published 2026-11-22T03:48:07Z, read at 04:00:00Z
        assertThat(value(age, "clamav.database.age_seconds")).isEqualTo(713L);
    }

    @Test
    void defenderDetectionsRemediationUpdatesAndProtectionChanges() {
        List<TelemetryEvent> events = Fixtures.parseAll("windows-defender", "defender/defender-events.json");
        assertThat(events).hasSize(6);
        TelemetryEvent detected = events.get(0);
        assertThat(value(detected, "event.kind")).isEqualTo("alert");
        assertThat(value(detected, "rule.name")).isEqualTo("Virus:DOS/EICAR_Test_File");
        assertThat(value(detected, "file.path")).isEqualTo("C:\\Users\\nguyen.van.a\\Downloads\\eicar.com");
        assertThat(value(detected, "user.name")).isEqualTo("nguyen.van.a");
        assertThat(value(events.get(1), "defender.action")).isEqualTo("Quarantine");
        assertThat(value(events.get(2), "error.code")).isEqualTo("0x80072ee7");
        assertThat(value(events.get(3), "event.action")).isEqualTo("realtime-protection-disabled");
        TelemetryEvent fromMessage = events.get(4);
        assertThat(fromMessage.timestamp()).isEqualTo(Instant.ofEpochMilli(1795306200000L));
        assertThat(value(fromMessage, "rule.name")).isEqualTo("Trojan:Win32/Wacatac.B!ml");
        assertThat(value(fromMessage, "file.name")).isEqualTo("hoa-don-thang-11.pdf.exe");
        assertThat(value(events.get(5), "defender.signature_version")).isEqualTo("1.421.1240.0");
    }

    @Test
    void resticSummaryErrorsAndSnapshots() {
        List<TelemetryEvent> backups = Fixtures.parseAll("restic", "restic/backup.jsonl");
        assertThat(backups).hasSize(2).allSatisfy(e -> {
            assertThat(value(e, "event.action")).isEqualTo("backup-completed");
            assertThat(value(e, "backup.snapshot_id")).isNotNull();
            assertThat(value(e, "event.duration")).isNotNull();
        });
        List<TelemetryEvent> unreadable = Fixtures.parseAll("restic", "restic/backup-unreadable.jsonl");
        assertThat(unreadable).extracting(e -> value(e, "event.action"))
                .containsExactly("backup-error", "backup-error", "backup-completed", "backup-warning");
        assertThat(value(unreadable.get(0), "error.message")).isEqualTo("open /tmp/restic-fixture/data/docs/locked.txt: permission denied");
        List<TelemetryEvent> snapshots = Fixtures.parseAll("restic", "restic/snapshots.json");
        assertThat(snapshots).hasSize(3).allSatisfy(e -> {
            assertThat(value(e, "event.kind")).isEqualTo("state");
            assertThat(value(e, "host.name")).isEqualTo("ward03-fs01");
        });
    }

    @Test
    void borgCreateInfoListAndLogJson() {
        TelemetryEvent created = Fixtures.parseAll("borg", "borg/create.json").getFirst();
        assertThat(value(created, "event.action")).isEqualTo("backup-completed");
        assertThat(value(created, "backup.archive.name")).isEqualTo("ward03-fs01-2026-11-22");
        assertThat(value(created, "backup.files.processed")).isEqualTo(2L);
        assertThat(created.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:48:51Z"));
        assertThat(Fixtures.parseAll("borg", "borg/list.json")).hasSize(2);
        assertThat(Fixtures.parseAll("borg", "borg/info.json")).hasSize(1);
        List<TelemetryEvent> log = Fixtures.parseAll("borg", "borg/log-json.jsonl");
        assertThat(log).extracting(e -> value(e, "event.code")).contains("Archive.AlreadyExists", "Repository.DoesNotExist");
        assertThat(log).allSatisfy(e -> assertThat(value(e, "event.outcome")).isEqualTo("failure"));
    }

    @Test
    void veeamJobResults() {
        List<TelemetryEvent> events = Fixtures.parseAll("veeam", "veeam/veeam.log");
        assertThat(events).extracting(e -> value(e, "event.outcome"))
                .containsExactly("success", "failure", "success", "success", "success");
        assertThat(value(events.get(1), "backup.job.name")).isEqualTo("Dept. Finance SQL");
        assertThat(value(events.get(2), "backup.result")).isEqualTo("warning");
        assertThat(value(events.get(3), "backup.bytes.transferred")).isEqualTo(12_731_000_000L);
        assertThat(events.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-21T18:30:16.008569Z"));
    }
}
