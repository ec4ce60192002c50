package com.ramparts.agent.parse.suricata;

import com.ramparts.agent.parse.common.Draft;
import java.util.List;

/** The ECS classification of each EVE event type. */
final class EveTypes {

    private static final List<String> NETWORK = List.of("network");
    private static final List<String> IDS = List.of("network", "intrusion_detection");

    private EveTypes() {
    }

    static void classify(EveParser.Seen seen, Draft draft) {
        String type = seen.type;
        switch (type) {
            case "alert" -> {
                boolean blocked = "blocked".equals(seen.alertAction) || "drop".equals(seen.alertAction);
                draft.classify("alert", IDS, List.of(blocked ? "denied" : "allowed"));
                draft.put("event.action", seen.alertAction == null ? "alert" : seen.alertAction);
            }
            case "drop" -> {
                draft.classify("event", IDS, List.of("denied"));
                draft.put("event.action", "drop");
            }
            case "anomaly" -> draft.classify("event", NETWORK, List.of("info"));
            case "flow" -> draft.classify("event", NETWORK, List.of("connection", "end"));
            case "netflow" -> draft.classify("event", NETWORK, List.of("connection"));
            case "http" -> draft.classify("event", List.of("network", "web"), List.of("access", "protocol"));
            case "smtp" -> draft.classify("event", List.of("network", "email"), List.of("protocol"));
            case "fileinfo" -> draft.classify("event", List.of("network", "file"), List.of("info"));
            case "stats" -> draft.classify("metric", List.of(), List.of());
            case "dns", "tls", "ssh", "dhcp" -> draft.classify("event", NETWORK, List.of("protocol"));
            default -> draft.classify("event", NETWORK, List.of("info")); // a type we do not know: kept, never dropped
        }
        if (seen.action != null) {
            draft.put("event.action", seen.action);
        } else if (!type.equals("alert") && !type.equals("drop")) {
            draft.put("event.action", type);
        }
        String protocol = seen.appProto;
        if (protocol == null && switch (type) {
            case "dns", "http", "tls", "ssh", "smtp", "dhcp" -> true;
            default -> false;
        }) {
            protocol = type;
        }
        draft.put("network.protocol", protocol);
    }
}
