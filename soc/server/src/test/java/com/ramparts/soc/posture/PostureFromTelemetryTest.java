package com.ramparts.soc.posture;

import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.soc.unit.CertificateState;
import com.ramparts.soc.unit.UnitSync;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.testsupport.TestKafka;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.ramparts.soc.posture.AgentTelemetry.Agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Real-format telemetry of three sites in two districts (the agent's parsers over its real fixtures, its heartbeat)
 * through the real Kafka broker into posture on PostgreSQL, every event sent twice, plus drill copies that must change
 * nothing; the numbers are checked against what the fixtures contain (worked out in the comments), at the pinned
 * clock {@code 2026-11-22T06:00Z}, with the units and seals synced from the real pki.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostureFromTelemetryTest extends PostureTestContext {

    static final Agent BEN_NGHE = new Agent("bn-fw", "BN-01", "agent-bn");
    static final Agent DA_KAO = new Agent("dk-fs", "DK-01", "agent-dk");
    static final Agent VO_THI_SAU = new Agent("vts-hq", "VTS-01", "agent-vts");

    @Autowired
    SiteRegistry sites;
    @Autowired
    PostureService posture;
    @Autowired
    PostureSnapshots snapshots;
    @Autowired
    UnitSync unitSync;
    private final String group = GROUP;

    private int sent;

    @BeforeAll
    void sendTheSitesTelemetryTwice() {
        sites.save(new Site("bn-fw", "BN-01", "Bến Nghé ward office", List.of("iptables.log"), List.of()));
        sites.save(new Site("dk-fs", "DK-01", "Đa Kao file server", List.of("borg.create"), List.of()));
        sites.save(new Site("vts-hq", "VTS-01", "Võ Thị Sáu ward office", List.of("fortinet.firewall"), List.of()));
        assertThat(unitSync.run()).isTrue();
        List<TelemetryEvent> events = new ArrayList<>();
        // bn-fw: iptables drops at 10:47 +07 (03:47Z, 2 h 13 min before NOW: reporting under the 3 h limit);
        // restic's summaries carry no time, so they count when read (NOW - 2 h: a backup within 24 h);
        // Defender on 3 workstations: WS-...-017 detected and cleaned malware, never reported signatures (unhealthy);
        // WS-...-022 failed a signature update (2001) and had real-time protection switched off (5001) (unhealthy);
        // PC-KETOAN-02 updated signatures at 00:11Z (2000) (healthy): 1 of 3; a heartbeat 2 min ago (online)
        events.addAll(AgentTelemetry.parse(BEN_NGHE, "iptables", "iptables/kern-rfc3339.log", NOW.minus(Duration.ofMinutes(5))));
        events.addAll(AgentTelemetry.parse(BEN_NGHE, "restic", "restic/backup.jsonl", NOW.minus(Duration.ofHours(2))));
        events.addAll(AgentTelemetry.parse(BEN_NGHE, "windows-defender", "defender/defender-events.json", NOW));
        events.add(AgentTelemetry.heartbeat(BEN_NGHE, NOW.minus(Duration.ofMinutes(2))));
        // dk-fs: borg create at 10:48:51 +07 (a backup within 24 h); clamd's version line read at NOW - 10 min says the
        // signatures were published 10:48:07 +07 (2 h 12 min old: healthy), on the agent's own host: 1 of 1;
        // no firewall; the last heartbeat an hour ago (offline)
        events.addAll(AgentTelemetry.parse(DA_KAO, "borg", "borg/create.json", NOW.minus(Duration.ofMinutes(1))));
        events.addAll(AgentTelemetry.parse(DA_KAO, "clamav-freshclam", "clamav/clamav-version.txt", NOW.minus(Duration.ofMinutes(10))));
        events.add(AgentTelemetry.heartbeat(DA_KAO, NOW.minus(Duration.ofHours(1))));
        // vts-hq: FortiGate at 10:50-10:51 +07 (reporting); Veeam jobs finished between 01:30 and 03:11 +07, the last
        // successful one at 03:11:38 (within 24 h), one failed at 02:10; a heartbeat a minute ago; no antivirus at all
        events.addAll(AgentTelemetry.parse(VO_THI_SAU, "fortigate", "fortigate/fortigate.log", NOW.minus(Duration.ofMinutes(5))));
        events.addAll(AgentTelemetry.parse(VO_THI_SAU, "veeam", "veeam/veeam.log", NOW.minus(Duration.ofMinutes(5))));
        events.add(AgentTelemetry.heartbeat(VO_THI_SAU, NOW.minus(Duration.ofMinutes(1))));
        // a drill at dk-fs: a firewall log and a fresh heartbeat that would make it look reporting and online
        List<TelemetryEvent> drill = new ArrayList<>();
        AgentTelemetry.parse(DA_KAO, "iptables", "iptables/kern-rfc3339.log", NOW).forEach(e -> drill.add(AgentTelemetry.inDrill(e, "drill-7")));
        drill.add(AgentTelemetry.inDrill(AgentTelemetry.heartbeat(DA_KAO, NOW.minus(Duration.ofSeconds(30))), "drill-7"));
        try (AgentTelemetry telemetry = new AgentTelemetry()) {
            telemetry.send(EVENTS_TOPIC, events);
            telemetry.send(EVENTS_TOPIC, drill);
            telemetry.send(EVENTS_TOPIC, events); // a redelivery of everything
            telemetry.sendRaw(EVENTS_TOPIC, "bn-fw", "{\"@timestamp\":".getBytes()); // truncated: skipped, not retried for ever
            telemetry.sendRaw(EVENTS_TOPIC, "vts-hq", AgentTelemetry.JSON.write(AgentTelemetry.heartbeat(DA_KAO, NOW))); // wrong key
        }
        sent = 2 * events.size() + drill.size() + 2;
        awaitCommitted(sent);
    }

    /** Offsets are committed only after the batch is in SQL, so once all are committed the state is complete. */
    private void awaitCommitted(int records) {
        await().atMost(Duration.ofSeconds(60)).until(() -> committed() >= records);
    }

    private long committed() throws Exception {
        var admin = TestKafka.shared().admin();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }

    @Test
    void everyRecordIsCommittedAndNothingIsLeftBehind() throws Exception {
        var admin = TestKafka.shared().admin();
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, 3).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(EVENTS_TOPIC, p), p -> OffsetSpec.latest()));
        long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        assertThat(end).isEqualTo(sent);
        assertThat(committed()).isEqualTo(end);
    }

    @Test
    void sitesMatchTheirTelemetry() {
        PosturePicture picture = posture.now();
        SitePosture benNghe = picture.site("bn-fw").orElseThrow();
        assertThat(benNghe.firewallReporting()).isTrue();
        assertThat(benNghe.firewallLast()).isBetween(Instant.parse("2026-11-22T03:47:00Z"), Instant.parse("2026-11-22T03:50:00Z"));
        assertThat(benNghe.workstationsSeen()).isEqualTo(3);
        assertThat(benNghe.workstationsHealthy()).isEqualTo(1);
        assertThat(benNghe.oldestSignatureAgeSeconds()).isEqualTo(Duration.between(Instant.parse("2026-11-22T00:11:00Z"), NOW).toSeconds());
        assertThat(benNghe.backupRecent()).isTrue();
        assertThat(benNghe.backupAgeSeconds()).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(benNghe.agentOnline()).isTrue();

        SitePosture daKao = picture.site("dk-fs").orElseThrow();
        assertThat(daKao.firewallLast()).as("the drill's firewall log is not the site's").isNull();
        assertThat(daKao.firewallReporting()).isFalse();
        assertThat(daKao.agentOnline()).as("the drill's heartbeat is not the agent's").isFalse();
        assertThat(daKao.heartbeatLast()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(daKao.workstationsSeen()).isEqualTo(1);
        assertThat(daKao.workstationsHealthy()).isEqualTo(1);
        assertThat(daKao.oldestSignatureAgeSeconds()).isEqualTo(Duration.between(Instant.parse("2026-11-22T03:48:07Z"), NOW).toSeconds());
        assertThat(daKao.backupLast()).isEqualTo(Instant.parse("2026-11-22T03:48:51Z"));
        assertThat(daKao.backupRecent()).isTrue();

        SitePosture voThiSau = picture.site("vts-hq").orElseThrow();
        assertThat(voThiSau.firewallReporting()).isTrue();
        assertThat(voThiSau.antivirusPresent()).isFalse();
        assertThat(voThiSau.workstationsSeen()).isZero();
        // Veeam: success at 01:30 +07, failure at 02:10, warning (still a backup) at 02:15, success at 03:11:38 +07
        assertThat(voThiSau.backupLast()).isEqualTo(Instant.parse("2026-11-21T20:11:38.164505Z"));
        assertThat(voThiSau.backupFailureLast()).isEqualTo(Instant.parse("2026-11-21T19:10:44.120031Z"));
        assertThat(voThiSau.agentOnline()).isTrue();
    }

    @Test
    void unitScoresFollowTheFormula() {
        PosturePicture picture = posture.now();
        UnitPosture benNghe = picture.unit("BN-01").orElseThrow();
        // 25 x 1 (firewall) + 25 x 1/3 (workstations) + 25 x 1 (backup) + 15 x 1 (valid seal) + 10 x 1 (online)
        assertThat(benNghe.score()).isCloseTo(25 + 25.0 / 3 + 25 + 15 + 10, within(0.05));
        assertThat(benNghe.certificate()).isEqualTo(CertificateState.VALID);
        assertThat(List.of(benNghe.firewallOk(), benNghe.antivirusOk(), benNghe.backupOk(), benNghe.certificateOk()))
                .containsExactly(true, false, true, true);
        UnitPosture daKao = picture.unit("DK-01").orElseThrow();
        // 0 (no firewall) + 25 x 1/1 + 25 x 1 + 0 (revoked seal) + 0 (offline)
        assertThat(daKao.score()).isEqualTo(50.0);
        assertThat(daKao.certificate()).isEqualTo(CertificateState.REVOKED);
        assertThat(List.of(daKao.firewallOk(), daKao.antivirusOk(), daKao.backupOk(), daKao.certificateOk()))
                .containsExactly(false, true, true, false);
        UnitPosture voThiSau = picture.unit("VTS-01").orElseThrow();
        // 25 + 0 (no workstation reported) + 25 + 15 + 10
        assertThat(voThiSau.score()).isEqualTo(75.0);
        assertThat(picture.unit("Q1").orElseThrow().monitored()).isFalse();
        assertThat(picture.unit("Q1").orElseThrow().score()).isNull();
    }

    @Test
    void districtsAndTheCityGiveTheYearlyPercentages() {
        PosturePicture picture = posture.now();
        Shares q1 = picture.district("Q1").orElseThrow().shares();
        // Q1: Q1 itself (no site), BN-01, DK-01; monitored: BN-01, DK-01
        assertThat(q1.units()).isEqualTo(3);
        assertThat(q1.monitored()).isEqualTo(2);
        assertThat(q1.firewall()).isEqualTo(50.0);
        assertThat(q1.antivirus()).isEqualTo(50.0);
        assertThat(q1.backup()).isEqualTo(100.0);
        assertThat(q1.certificate()).isCloseTo(100.0 / 3, within(0.05));
        Shares q3 = picture.district("Q3").orElseThrow().shares();
        assertThat(List.of(q3.units(), q3.monitored())).containsExactly(2, 1);
        assertThat(List.of(q3.firewall(), q3.antivirus(), q3.backup(), q3.certificate())).containsExactly(100.0, 0.0, 100.0, 50.0);
        Shares city = picture.city();
        // HCM, Q1, BN-01, DK-01, Q3, VTS-01; monitored BN-01, DK-01, VTS-01
        assertThat(List.of(city.units(), city.monitored())).containsExactly(6, 3);
        assertThat(city.firewall()).isCloseTo(200.0 / 3, within(0.05));
        assertThat(city.antivirus()).isCloseTo(100.0 / 3, within(0.05));
        assertThat(city.backup()).isEqualTo(100.0);
        assertThat(city.certificate()).isCloseTo(200.0 / 6, within(0.05));
    }

    @Test
    void aSnapshotRecordsTheCityOncePerIntervalForHistory() {
        boolean first = snapshots.takeIfDue();
        boolean second = snapshots.takeIfDue();
        assertThat(second).as("the same hour's bucket is written once").isFalse();
        List<HistoryPoint> city = snapshots.history(PostureSnapshots.CITY, PostureSnapshots.CITY_ID, NOW.minus(Duration.ofDays(1)),
                NOW.plusSeconds(1), 100);
        assertThat(city).hasSize(1);
        assertThat(city.getFirst().at()).isEqualTo(Instant.parse("2026-11-22T06:00:00Z"));
        assertThat(city.getFirst().backup()).isEqualTo(100.0);
        assertThat(snapshots.history(PostureSnapshots.UNIT, "DK-01", NOW.minus(Duration.ofDays(1)), NOW.plusSeconds(1), 100))
                .singleElement().satisfies(point -> assertThat(point.score()).isEqualTo(50.0));
        assertThat(first || !city.isEmpty()).isTrue();
    }

    /** Keeps the helper honest: a counting of fixture events the expectations above rely on. */
    @Test
    void theFixturesSayWhatTheExpectationsAssume() {
        Map<String, Integer> byMachine = new HashMap<>();
        AgentTelemetry.parse(BEN_NGHE, "windows-defender", "defender/defender-events.json", NOW)
                .forEach(e -> byMachine.merge(e.fields().string("host.name").orElse("?"), 1, Integer::sum));
        assertThat(byMachine).containsOnlyKeys("WS-WARD03-017.ward03.local", "WS-WARD03-022.ward03.local", "PC-KETOAN-02");
    }
}
