package com.ramparts.agent.parse.asa;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Numbers;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ASA messages we map field by field, one pattern each, from Cisco's syslog message reference. */
final class AsaMessages {

    private static final String IP = "([0-9A-Fa-f:.]{2,45})";
    private static final String IFACE = "([^\\s:/]{1,64})";
    private static final Pattern P106001 = Pattern.compile(
            "Inbound (TCP) connection denied from " + IP + "/(\\d{1,5}) to " + IP + "/(\\d{1,5}) flags (.{0,64}?) on interface " + IFACE);
    private static final Pattern P106006 = Pattern.compile(
            "Deny inbound (UDP) from " + IP + "/(\\d{1,5}) to " + IP + "/(\\d{1,5})(?: on interface " + IFACE + ")?");
    private static final Pattern P106014 = Pattern.compile(
            "Deny inbound (icmp) src " + IFACE + ":" + IP + "(?:\\([^)]{0,64}\\))? dst " + IFACE + ":" + IP);
    private static final Pattern P106015 = Pattern.compile(
            "Deny (TCP) \\(no connection\\) from " + IP + "/(\\d{1,5}) to " + IP + "/(\\d{1,5}) flags (.{0,64}?) +on interface " + IFACE);
    private static final Pattern P106021 = Pattern.compile(
            "Deny (\\w{1,16}) reverse path check from " + IP + " to " + IP + " on interface " + IFACE);
    private static final Pattern P106023 = Pattern.compile(
            "Deny (\\w{1,16}) src " + IFACE + ":" + IP + "(?:/(\\d{1,5}))?(?:\\([^)]{0,64}\\))? dst " + IFACE + ":" + IP
                    + "(?:/(\\d{1,5}))?.{0,128}? by access-group \"([^\"]{1,128})\"");
    private static final Pattern P106100 = Pattern.compile(
            "access-list (\\S{1,128}) (permitted|denied|est-allowed) (\\w{1,16}) " + IFACE + "/" + IP + "\\((\\d{1,5})\\)(?:\\([^)]{0,64}\\))? -> "
                    + IFACE + "/" + IP + "\\((\\d{1,5})\\)");
    private static final Pattern BUILT = Pattern.compile(
            "Built (inbound|outbound) (TCP|UDP|SCTP) connection (\\d{1,20}) for " + IFACE + ":" + IP + "/(\\d{1,5}) \\(" + IP
                    + "/(\\d{1,5})\\)(?:\\([^)]{0,64}\\))? to " + IFACE + ":" + IP + "/(\\d{1,5}) \\(" + IP + "/(\\d{1,5})\\)");
    private static final Pattern TEARDOWN = Pattern.compile(
            "Teardown (TCP|UDP|SCTP) connection (\\d{1,20}) for " + IFACE + ":" + IP + "/(\\d{1,5})(?:\\([^)]{0,64}\\))? to "
                    + IFACE + ":" + IP + "/(\\d{1,5})(?:\\([^)]{0,64}\\))? duration (\\d{1,6}):(\\d{2}):(\\d{2}) bytes (\\d{1,18})(?: (.{1,128}))?");
    private static final Pattern ICMP = Pattern.compile(
            "(Built|Teardown) (?:(inbound|outbound) )?(ICMP) connection for faddr " + IP + "/(\\d{1,5})(?:\\([^)]{0,64}\\))? gaddr "
                    + IP + "/(\\d{1,5}) laddr " + IP + "/(\\d{1,5})");
    private static final Pattern P710003 = Pattern.compile(
            "(TCP|UDP) access denied by ACL from " + IP + "/(\\d{1,5}) to " + IFACE + ":" + IP + "/(\\d{1,5})");

    private AsaMessages() {
    }

    /** Maps a known message; false when the id is not one we map (or its text does not match). */
    static boolean map(String id, String message, Draft draft) throws ParseException {
        Matcher m;
        switch (id) {
            case "106001" -> {
                if (!(m = P106001.matcher(message)).lookingAt()) {
                    return false;
                }
                deny(draft, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
                draft.put("observer.ingress.interface.name", m.group(7));
                draft.put("cisco.asa.tcp_flags", m.group(6).trim());
            }
            case "106006", "106007" -> {
                if (!(m = P106006.matcher(message)).lookingAt()) {
                    return false;
                }
                deny(draft, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
                draft.put("observer.ingress.interface.name", m.group(6));
            }
            case "106014" -> {
                if (!(m = P106014.matcher(message)).lookingAt()) {
                    return false;
                }
                deny(draft, m.group(1), m.group(3), null, m.group(5), null);
                interfaces(draft, m.group(2), m.group(4));
            }
            case "106015" -> {
                if (!(m = P106015.matcher(message)).lookingAt()) {
                    return false;
                }
                deny(draft, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
                draft.put("cisco.asa.tcp_flags", m.group(6).trim());
                draft.put("observer.ingress.interface.name", m.group(7));
            }
            case "106021" -> {
                if (!(m = P106021.matcher(message)).lookingAt()) {
                    return false;
                }
                deny(draft, m.group(1), m.group(2), null, m.group(3), null);
                draft.put("observer.ingress.interface.name", m.group(4));
            }
            case "106023" -> {
                if (!(m = P106023.matcher(message)).lookingAt()) {
                    return false;
                }
                deny(draft, m.group(1), m.group(3), m.group(4), m.group(6), m.group(7));
                interfaces(draft, m.group(2), m.group(5));
                draft.put("rule.name", m.group(8));
            }
            case "106100" -> {
                if (!(m = P106100.matcher(message)).lookingAt()) {
                    return false;
                }
                boolean denied = m.group(2).equals("denied");
                connection(draft, m.group(3), m.group(5), m.group(6), m.group(8), m.group(9), denied ? "denied" : "allowed", null);
                draft.put("event.action", denied ? "deny" : "permit");
                interfaces(draft, m.group(4), m.group(7));
                draft.put("rule.name", m.group(1));
            }
            case "302013", "302015", "302017" -> {
                if (!(m = BUILT.matcher(message)).lookingAt()) {
                    return false;
                }
                boolean inbound = m.group(1).equals("inbound");
                // "for" is the outside end; the initiator is "for" inbound and "to" outbound
                if (inbound) {
                    connection(draft, m.group(2), m.group(5), m.group(6), m.group(10), m.group(11), "allowed", "start");
                    interfaces(draft, m.group(4), m.group(9));
                } else {
                    connection(draft, m.group(2), m.group(10), m.group(11), m.group(5), m.group(6), "allowed", "start");
                    interfaces(draft, m.group(9), m.group(4));
                }
                draft.put("event.action", "built-connection");
                draft.put("network.direction", inbound ? "inbound" : "outbound");
                draft.put("cisco.asa.connection_id", m.group(3));
            }
            case "302014", "302016", "302018" -> {
                if (!(m = TEARDOWN.matcher(message)).lookingAt()) {
                    return false;
                }
                connection(draft, m.group(1), m.group(4), m.group(5), m.group(7), m.group(8), "allowed", "end");
                interfaces(draft, m.group(3), m.group(6));
                draft.put("event.action", "teardown-connection");
                draft.put("cisco.asa.connection_id", m.group(2));
                long seconds = Long.parseLong(m.group(9)) * 3600 + Long.parseLong(m.group(10)) * 60 + Long.parseLong(m.group(11));
                draft.put("event.duration", seconds * 1_000_000_000L);
                draft.put("network.bytes", Numbers.whole("bytes", m.group(12)));
                if (m.group(13) != null) {
                    draft.put("event.reason", m.group(13).trim());
                }
            }
            case "302020", "302021" -> {
                if (!(m = ICMP.matcher(message)).lookingAt()) {
                    return false;
                }
                boolean built = m.group(1).equals("Built");
                connection(draft, m.group(3), m.group(4), null, m.group(8), null, "allowed", built ? "start" : "end");
                draft.put("event.action", built ? "built-connection" : "teardown-connection");
                if (m.group(2) != null) {
                    draft.put("network.direction", m.group(2));
                }
            }
            case "710003" -> {
                if (!(m = P710003.matcher(message)).lookingAt()) {
                    return false;
                }
                deny(draft, m.group(1), m.group(2), m.group(3), m.group(5), m.group(6));
                draft.put("observer.ingress.interface.name", m.group(4));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void deny(Draft draft, String proto, String src, String sport, String dst, String dport)
            throws ParseException {
        connection(draft, proto, src, sport, dst, dport, "denied", null);
        draft.put("event.action", "deny");
    }

    private static void connection(Draft draft, String proto, String src, String sport, String dst, String dport,
            String verdict, String phase) throws ParseException {
        draft.classify("event", List.of("network"), phase == null ? List.of("connection", verdict)
                : List.of("connection", verdict, phase));
        draft.put("network.transport", proto.toLowerCase(Locale.ROOT));
        draft.putIp("source.ip", src);
        draft.putIp("destination.ip", dst);
        if (sport != null) {
            draft.put("source.port", Numbers.port("source port", sport));
        }
        if (dport != null) {
            draft.put("destination.port", Numbers.port("destination port", dport));
        }
        draft.put("related.ip", List.of(src, dst));
    }

    private static void interfaces(Draft draft, String ingress, String egress) {
        draft.put("observer.ingress.interface.name", ingress);
        draft.put("observer.egress.interface.name", egress);
    }
}
