package com.ramparts.agent.parse.iptables;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body the kernel's nf_log writes: {@code PREFIX IN=eth0 OUT= MAC=... SRC=... DST=... LEN=60 TOS=0x00
 * ... DF PROTO=TCP SPT=49794 DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0 [OPT (...)] [UID=0 GID=0] [MARK=0x1]}.
 * Keys before {@code PROTO=} describe the IP header, keys after it the transport header (both have a
 * {@code LEN} and ICMP has its own {@code ID}); an ICMP error's quoted packet in {@code [...]} is skipped.
 */
final class PacketLog {

    private static final List<String> NETWORK = List.of("network");

    private PacketLog() {
    }

    static void parse(String message, Draft draft) throws ParseException {
        int in = message.startsWith("IN=") ? 0 : message.indexOf(" IN=") + 1;
        if (in < 0 || (in == 0 && !message.startsWith("IN="))) {
            throw NetfilterLogParser.notALogLine(message);
        }
        rule(message.substring(0, in).trim(), draft);
        boolean transport = false;
        String proto = null;
        int depth = 0;
        List<String> ipFlags = new ArrayList<>(2);
        List<String> tcpFlags = new ArrayList<>(3);
        String[] tokens = message.substring(in).split(" ");
        for (int t = 0; t < tokens.length; t++) {
            String token = tokens[t];
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("[")) {
                depth++;
            }
            if (depth > 0) {
                if (token.endsWith("]")) {
                    depth--;
                }
                continue;
            }
            if (token.equals("OPT") && t + 1 < tokens.length && tokens[t + 1].startsWith("(")) {
                t++; // the options' hex dump adds nothing an analyst searches for
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                (transport ? tcpFlags : ipFlags).add(token);
                continue;
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            if (key.equals("PROTO")) {
                proto = value;
                transport = true;
            }
            field(key, value, transport, draft);
        }
        if (proto == null) {
            throw new ParseException("netfilter LOG line has no PROTO= field");
        }
        draft.put("iptables.fragment_flags", ipFlags);
        if (proto.equals("TCP")) {
            draft.put("iptables.tcp.flags", tcpFlags);
        }
        if (!draft.has("source.ip")) {
            throw new ParseException("netfilter LOG line has no SRC= field");
        }
    }

    private static void field(String key, String value, boolean transport, Draft draft) throws ParseException {
        if (value.isEmpty()) {
            return;
        }
        switch (key) {
            case "IN" -> draft.put("observer.ingress.interface.name", value);
            case "OUT" -> draft.put("observer.egress.interface.name", value);
            case "PHYSIN" -> draft.put("iptables.physical_in", value);
            case "PHYSOUT" -> draft.put("iptables.physical_out", value);
            case "MAC" -> mac(value, draft);
            case "SRC" -> {
                draft.putIp("source.ip", value);
                draft.put("network.type", value.indexOf(':') >= 0 ? "ipv6" : "ipv4");
            }
            case "DST" -> draft.putIp("destination.ip", value);
            case "LEN" -> draft.put(transport ? "iptables.udp.length" : "iptables.length", Numbers.whole("LEN", value));
            case "TOS" -> draft.put("iptables.tos", Numbers.hex("TOS", value));
            case "PREC" -> draft.put("iptables.precedence_bits", Numbers.hex("PREC", value));
            case "TTL" -> draft.put("iptables.ttl", Numbers.whole("TTL", value));
            case "HOPLIMIT" -> draft.put("iptables.ttl", Numbers.whole("HOPLIMIT", value));
            case "TC" -> draft.put("iptables.tos", Numbers.whole("TC", value));
            case "FLOWLBL" -> draft.put("iptables.flow_label", Numbers.whole("FLOWLBL", value));
            case "ID" -> draft.put(transport ? "iptables.icmp.id" : "iptables.id", Numbers.whole("ID", value));
            case "PROTO" -> protocol(value, draft);
            case "SPT" -> draft.put("source.port", Numbers.port("SPT", value));
            case "DPT" -> draft.put("destination.port", Numbers.port("DPT", value));
            case "WINDOW" -> draft.put("iptables.tcp.window", Numbers.whole("WINDOW", value));
            case "RES" -> draft.put("iptables.tcp.reserved_bits", Numbers.hex("RES", value));
            case "URGP" -> draft.put("iptables.tcp.urgent_pointer", Numbers.whole("URGP", value));
            case "SEQ" -> draft.put(transport ? "iptables.icmp.seq" : "iptables.seq", Numbers.whole("SEQ", value));
            case "ACK" -> draft.put("iptables.tcp.ack", Numbers.whole("ACK", value));
            case "TYPE" -> draft.put("iptables.icmp.type", Numbers.whole("TYPE", value));
            case "CODE" -> draft.put("iptables.icmp.code", Numbers.whole("CODE", value));
            case "UID" -> draft.put("user.id", value);
            case "GID" -> draft.put("group.id", value);
            case "MARK" -> draft.put("iptables.mark", value);
            default -> { } // a key a future kernel adds is kept in event.original
        }
    }

    private static void protocol(String proto, Draft draft) {
        String lower = proto.toLowerCase(Locale.ROOT);
        draft.put("network.transport", lower.equals("icmpv6") ? "ipv6-icmp" : lower);
    }

    /** The kernel prints destination MAC, source MAC and EtherType as one colon-separated hex string. */
    private static void mac(String value, Draft draft) {
        if (value.length() == 41) {
            draft.putMac("destination.mac", value.substring(0, 17));
            draft.putMac("source.mac", value.substring(18, 35));
            draft.put("iptables.ether_type", value.substring(36).replace(":", "").toLowerCase(Locale.ROOT));
        }
    }

    /** The prefix names the rule; its words say what the rule did. */
    private static void rule(String prefix, Draft draft) {
        String name = prefix;
        if (name.endsWith(":")) {
            name = name.substring(0, name.length() - 1).trim();
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1).trim();
        }
        draft.put("rule.name", name);
        String upper = name.toUpperCase(Locale.ROOT);
        String action;
        String type;
        if (contains(upper, "DROP")) {
            action = "drop";
            type = "denied";
        } else if (contains(upper, "REJECT")) {
            action = "reject";
            type = "denied";
        } else if (contains(upper, "BLOCK") || contains(upper, "DENY") || contains(upper, "DENIED")) {
            action = "block";
            type = "denied";
        } else if (contains(upper, "ACCEPT") || contains(upper, "ALLOW") || contains(upper, "PASS")
                || contains(upper, "PERMIT")) {
            action = "accept";
            type = "allowed";
        } else {
            action = "log";
            type = null;
        }
        draft.classify("event", NETWORK, type == null ? List.of("connection") : List.of("connection", type));
        draft.put("event.action", action);
    }

    private static boolean contains(String upper, String word) {
        return upper.contains(word);
    }
}
