package com.ramparts.soc.posture;

import com.ramparts.soc.unit.CertificateState;

import java.time.Instant;

/**
 * One unit's posture: its sites summed up, its seal's state, and the score (docs/soc-posture.md).
 *
 * @param inRegistry        false for a unit that sites name but pki's registry (as last synced) does not have
 * @param monitored         it has at least one site
 * @param firewallOk        every site's firewall reports
 * @param antivirusOk       antivirus reported from at least one workstation and every one seen is healthy
 * @param backupOk          every site had a successful backup within {@code backup-max-age}
 * @param certificateOk     its seal is valid (expiring counts: it still signs)
 * @param score             0-100, null for an unmonitored unit
 */
public record UnitPosture(String unitId, String name, String nameEn, String districtId, boolean inRegistry,
                          int sites, int sitesFirewallReporting, int sitesAntivirusPresent, int workstationsSeen,
                          int workstationsHealthy, int sitesBackupRecent, int sitesAgentOnline,
                          CertificateState certificate, Instant certificateNotAfter,
                          boolean monitored, boolean firewallOk, boolean antivirusOk, boolean backupOk, boolean certificateOk,
                          Double score) {
}
