package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.unit.CertificateState;
import com.ramparts.soc.unit.Unit;
import com.ramparts.soc.unit.UnitCertificate;
import com.ramparts.soc.unit.UnitDirectory;
import com.ramparts.soc.unit.UnitStore;
import com.ramparts.telemetry.event.TelemetryEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Posture for the dashboard tests (whose soc runs no posture consumer): the agent's real parsers and heartbeat make
 * the events, the consumer's own observation and merge code writes them, the sync's own store writes the units.
 * Units: unit-a (district D-1, valid seal) with ward-1 (firewall, backup, agent online) and ward-2 (backup,
 * agent online); unit-b (district D-2, revoked seal) with district-9 (backup only) and ward-new (nothing).
 */
public final class PostureSeed {

    private PostureSeed() {
    }

    public static void seed(PostureStore store, UnitStore units, UnitDirectory directory, PostureSnapshots snapshots,
                            SocProperties properties, Instant now) {
        units.replaceAll(List.of(
                new Unit("D-1", "Quận 1", "District 1", null, "D-1", null, UnitCertificate.MISSING, now),
                new Unit("D-2", "Quận 9", "District 9", null, "D-2", null, UnitCertificate.MISSING, now),
                new Unit("unit-a", "Phường Bến Nghé", "Ben Nghe Ward", "D-1", "D-1", null,
                        new UnitCertificate(CertificateState.VALID, "7f3a", now.plus(Duration.ofDays(900))), now),
                new Unit("unit-b", "UBND Quận 9", "District 9 People's Committee", "D-2", "D-2", null,
                        new UnitCertificate(CertificateState.REVOKED, "7f3b", now.plus(Duration.ofDays(900))), now)));
        directory.refresh();
        AgentTelemetry.Agent ward1 = new AgentTelemetry.Agent("ward-1", "unit-a", "agent-w1");
        AgentTelemetry.Agent ward2 = new AgentTelemetry.Agent("ward-2", "unit-a", "agent-w2");
        AgentTelemetry.Agent district9 = new AgentTelemetry.Agent("district-9", "unit-b", "agent-d9");
        List<TelemetryEvent> events = new ArrayList<>();
        // iptables lines keep their own (2026) times: re-read them as if logged now, as a live firewall would
        AgentTelemetry.parse(ward1, "iptables", "iptables/kern-rfc3339.log", now).forEach(e -> events.add(e.toBuilder().timestamp(now).build()));
        events.addAll(AgentTelemetry.parse(ward1, "restic", "restic/backup.jsonl", now.minus(Duration.ofHours(1))));
        events.add(AgentTelemetry.heartbeat(ward1, now.minusSeconds(30)));
        events.add(AgentTelemetry.heartbeat(ward2, now.minusSeconds(30)));
        events.addAll(AgentTelemetry.parse(ward2, "restic", "restic/backup.jsonl", now.minus(Duration.ofHours(2))));
        events.addAll(AgentTelemetry.parse(district9, "restic", "restic/backup.jsonl", now.minus(Duration.ofHours(3))));
        Observations observations = new Observations(properties.posture());
        PostureBatch batch = new PostureBatch();
        events.forEach(event -> observations.observe(event, now, batch));
        store.apply(batch, now);
        snapshots.takeIfDue();
    }
}
