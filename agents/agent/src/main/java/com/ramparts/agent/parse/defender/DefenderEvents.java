package com.ramparts.agent.parse.defender;

import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Texts;
import java.util.List;
import java.util.Map;

/** What each Defender event id means in ECS, and where its data goes. */
final class DefenderEvents {

    private static final List<String> MALWARE = List.of("malware");
    private static final int MAX_EXTRA = 48;

    private DefenderEvents() {
    }

    static void classify(long id, Draft draft) {
        String[] c = switch ((int) Math.min(id, Integer.MAX_VALUE)) {
            case 1006, 1015, 1116 -> new String[] {"alert", "info", "malware-detected", null};
            case 1007, 1117 -> new String[] {"event", "deletion", "malware-remediated", "success"};
            case 1008, 1118, 1119 -> new String[] {"alert", "error", "malware-remediation-failed", "failure"};
            case 1009 -> new String[] {"event", "change", "quarantine-restored", "success"};
            case 1000 -> new String[] {"event", "start", "scan-started", null};
            case 1001 -> new String[] {"event", "end", "scan-completed", "success"};
            case 1002 -> new String[] {"event", "end", "scan-cancelled", "failure"};
            case 1005 -> new String[] {"event", "error", "scan-failed", "failure"};
            case 2000 -> new String[] {"state", "change", "signature-updated", "success"};
            case 2001, 2003, 2004, 2006 -> new String[] {"event", "error", "signature-update-failed", "failure"};
            case 2010, 2011 -> new String[] {"event", "info", "dynamic-signature", null};
            case 3002 -> new String[] {"event", "error", "realtime-protection-failed", "failure"};
            case 5000 -> new String[] {"state", "change", "realtime-protection-enabled", "success"};
            case 5001 -> new String[] {"state", "change", "realtime-protection-disabled", "success"};
            case 5004 -> new String[] {"state", "change", "realtime-protection-configured", "success"};
            case 5007 -> new String[] {"event", "change", "configuration-changed", "success"};
            case 5008 -> new String[] {"event", "error", "engine-failed", "failure"};
            case 5010 -> new String[] {"state", "change", "antispyware-disabled", "success"};
            case 5012 -> new String[] {"state", "change", "antivirus-disabled", "success"};
            case 5013 -> new String[] {"event", "denied", "tamper-protection-blocked", "success"};
            default -> new String[] {"event", "info", "defender-event", null};
        };
        draft.classify(c[0], MALWARE, List.of(c[1]));
        draft.put("event.action", c[2]);
        draft.put("event.outcome", c[3]);
    }

    static void describe(Map<String, String> data, Draft draft) {
        draft.put("rule.name", first(data, "Threat Name", "Name"));
        draft.put("rule.id", first(data, "Threat ID", "ID"));
        draft.put("rule.category", first(data, "Category Name", "Category"));
        draft.put("defender.severity", first(data, "Severity Name", "Severity"));
        draft.put("defender.action", first(data, "Action Name", "Action"));
        draft.put("defender.detection.origin", first(data, "Origin Name", "Detection Origin"));
        draft.put("defender.detection.type", first(data, "Type Name", "Detection Type"));
        draft.put("defender.detection.source", first(data, "Source Name", "Detection Source"));
        draft.put("defender.detection.id", first(data, "Detection ID"));
        draft.put("defender.signature_version", first(data, "Security intelligence Version", "Signature Version",
                "Current security intelligence Version", "Current Signature Version", "New security intelligence Version",
                "New Signature Version"));
        draft.put("defender.engine_version", first(data, "Engine Version", "Current Engine Version"));
        draft.put("observer.version", first(data, "Product Version"));
        draft.put("defender.feature", first(data, "Feature Name"));
        String process = first(data, "Process Name");
        if (process != null && !process.equals("Unknown")) {
            draft.put("process.executable", process);
            draft.put("process.name", Texts.baseName(process));
        }
        path(first(data, "Path"), draft);
        user(first(data, "Detection User", "User", "Remediation User"), draft);
        String error = first(data, "Error Code");
        if (error != null && !error.equals("0x00000000")) {
            draft.put("error.code", error);
            draft.put("error.message", first(data, "Error Description"));
        }
        int extra = 0;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            if (extra++ < MAX_EXTRA) {
                draft.put("defender.data." + Texts.fieldSegment(entry.getKey()), entry.getValue());
            }
        }
    }

    /** Defender writes {@code file:_C:\x\eicar.com} (several joined by ';'); ECS wants the plain path. */
    private static void path(String path, Draft draft) {
        if (path == null) {
            return;
        }
        String first = path.split(";", 2)[0];
        int marker = first.indexOf(":_");
        String plain = marker > 0 && marker < 12 ? first.substring(marker + 2) : first;
        draft.put("file.path", plain);
        draft.put("file.name", Texts.baseName(plain));
    }

    private static void user(String user, Draft draft) {
        if (user == null || user.isEmpty()) {
            return;
        }
        int slash = user.indexOf('\\');
        draft.put("user.domain", slash > 0 ? user.substring(0, slash) : null);
        draft.put("user.name", slash >= 0 ? user.substring(slash + 1) : user);
    }

    private static String first(Map<String, String> data, String... keys) {
        for (String key : keys) {
            String value = data.get(key);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
