package com.ramparts.agent.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which fixture files belong to which format (see each folder's README for where they came from). */
public final class FormatFixtures {

    public static final Map<String, List<String>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("suricata-eve", List.of("suricata/eve.json", "suricata/eve-documented.json"));
        ALL.put("iptables", List.of("iptables/dmesg.log", "iptables/dmesg-iso.log", "iptables/journal-short.log",
                "iptables/journal-short-iso.log", "iptables/journal.json", "iptables/kern-traditional.log",
                "iptables/kern-rfc3339.log", "iptables/kern-rfc5424.log"));
        ALL.put("pfsense-filterlog", List.of("pfsense/filterlog.log"));
        ALL.put("opnsense-filterlog", List.of("pfsense/opnsense-filterlog.log"));
        ALL.put("fortigate", List.of("fortigate/fortigate.log"));
        ALL.put("cisco-asa", List.of("asa/asa.log"));
        ALL.put("clamav-clamd", List.of("clamav/clamd.log"));
        ALL.put("clamav-clamscan", List.of("clamav/clamscan.out", "clamav/clamscan-error.out"));
        ALL.put("clamav-freshclam", List.of("clamav/freshclam.log", "clamav/freshclam-documented.log",
                "clamav/clamav-version.txt"));
        ALL.put("windows-defender", List.of("defender/defender-events.json"));
        ALL.put("restic", List.of("restic/backup.jsonl", "restic/backup-unreadable.jsonl", "restic/snapshots.json"));
        ALL.put("borg", List.of("borg/create.json", "borg/log-json.jsonl", "borg/list.json", "borg/info.json"));
        ALL.put("veeam", List.of("veeam/veeam.log"));
    }

    private FormatFixtures() {
    }
}
