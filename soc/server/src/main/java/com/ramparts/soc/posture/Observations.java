package com.ramparts.soc.posture;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.TelemetryEvent;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * What an event says about posture, read from the fields the agent's parsers write (docs/agent-parsers.md,
 * docs/soc-posture.md): firewall datasets; antivirus datasets with their host, signature updates
 * (freshclam, {@code clamav.database.published}, Defender 2000) and protection switched on or off (Defender
 * 5000/5001/5012, clamd start/stop); backups ({@code backup-completed} / {@code backup-job-finished} and their
 * outcome); the agent's heartbeat.
 */
final class Observations {

    static final String HEARTBEAT_DATASET = "ramparts.agent";
    private static final Set<String> SIGNATURES_CURRENT = Set.of("database-updated", "database-up-to-date", "update-completed",
            "signature-updated");
    private static final Set<String> PROTECTION_ON = Set.of("realtime-protection-enabled", "daemon-started");
    private static final Set<String> PROTECTION_OFF = Set.of("realtime-protection-disabled", "antivirus-disabled", "daemon-stopped");
    private static final Set<String> BACKUP_DONE = Set.of("backup-completed", "backup-job-finished");

    private final Set<String> firewallDatasets;
    private final Set<String> antivirusDatasets;

    Observations(SocProperties.Posture settings) {
        this.firewallDatasets = Set.copyOf(settings.firewallDatasets());
        this.antivirusDatasets = Set.copyOf(settings.antivirusDatasets());
    }

    /**
     * Adds what {@code event} says to {@code batch}. Event times later than {@code now} count as {@code now}: a site
     * with a clock in the future must not look fresh for ever.
     */
    void observe(TelemetryEvent event, Instant now, PostureBatch batch) {
        String site = event.origin().siteId();
        Instant at = event.timestamp().isAfter(now) ? now : event.timestamp();
        String dataset = event.fields().string(Ecs.EVENT_DATASET).orElse("");
        String action = event.fields().string(Ecs.EVENT_ACTION).orElse("");
        String outcome = event.fields().string(Ecs.EVENT_OUTCOME).orElse("");
        batch.unit(site, event.origin().unitId().orElse(null));
        if (firewallDatasets.contains(dataset)) {
            batch.site(site).firewall(at);
        }
        if (antivirusDatasets.contains(dataset)) {
            batch.site(site).antivirus(at);
            PostureBatch.HostDelta host = batch.host(site, hostOf(event));
            host.seen(at);
            if (SIGNATURES_CURRENT.contains(action) && !"failure".equals(outcome)) {
                host.signatures(at);
            }
            published(event).filter(p -> !p.isAfter(at)).ifPresent(host::signatures);
            if (PROTECTION_ON.contains(action)) {
                host.protection(at, true);
            } else if (PROTECTION_OFF.contains(action)) {
                host.protection(at, false);
            }
        }
        if (action.startsWith("backup-")) {
            if (BACKUP_DONE.contains(action) && "success".equals(outcome)) {
                batch.site(site).backupSucceeded(at);
            } else if ("failure".equals(outcome)) {
                batch.site(site).backupFailed(at);
            }
        }
        if (HEARTBEAT_DATASET.equals(dataset) && "heartbeat".equals(action)) {
            batch.site(site).heartbeat(at);
        }
    }

    /** The workstation: {@code host.name}, else the agent's own host (ClamAV on the agent's machine names none). */
    static String hostOf(TelemetryEvent event) {
        String host = event.fields().string(Ecs.HOST_NAME).orElse("").trim();
        if (host.isEmpty()) {
            host = "agent:" + event.origin().agentId();
        }
        return host.length() > 255 ? host.substring(0, 255) : host;
    }

    /** ClamAV's signature-age metric carries when the loaded signatures were published. */
    private static Optional<Instant> published(TelemetryEvent event) {
        try {
            return event.fields().string("clamav.database.published").map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
