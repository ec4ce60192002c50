package com.ramparts.soc.posture;

import java.time.Instant;

/**
 * One site's posture at {@code now}.
 *
 * @param registered         false for a site that sends but is not in the site registry
 * @param firewallReporting  a firewall log event within {@code firewall-silent-after}
 * @param antivirusPresent   an antivirus event within {@code workstation-lookback}
 * @param oldestSignatureAgeSeconds the stalest signatures among the site's hosts, null when none reported signatures
 * @param workstationsSeen   hosts antivirus reported from within {@code workstation-lookback}
 * @param workstationsHealthy of those, hosts with protection not switched off and signatures within {@code signature-max-age}
 * @param backupAgeSeconds   age of the last successful backup, null when never
 * @param backupRecent       a successful backup within {@code backup-max-age}
 * @param agentOnline        a heartbeat within {@code agent-offline-after}
 */
public record SitePosture(String siteId, String name, String unitId, boolean registered,
                          Instant firewallLast, boolean firewallReporting,
                          Instant antivirusLast, boolean antivirusPresent, Long oldestSignatureAgeSeconds,
                          int workstationsSeen, int workstationsHealthy,
                          Instant backupLast, Long backupAgeSeconds, boolean backupRecent, Instant backupFailureLast,
                          Instant heartbeatLast, boolean agentOnline) {
}
