package com.ramparts.soc.posture;

import java.time.Instant;

/** What telemetry told about one site: the latest time of each kind of event, null for never. */
public record SiteState(String siteId, String eventUnitId, Instant firewallLast, Instant antivirusLast, Instant backupSuccessLast,
                        Instant backupFailureLast, Instant heartbeatLast) {
}
