package com.ramparts.agent.parse.filterlog;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Numbers;
import com.ramparts.agent.parse.common.SyslogHeader;
import com.ramparts.agent.parse.common.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * One {@code filterlog} line: {@code rule,subrule,anchor,tracker,interface,reason,action,direction,ipversion,}
 * then the IPv4 or IPv6 header fields, then TCP/UDP/ICMP/CARP fields by protocol.
 */
public final class FilterlogParser extends BoundedParser {

    public static final String PFSENSE = "pfsense-filterlog";
    public static final String OPNSENSE = "opnsense-filterlog";

    private final String format;
    private final ZoneId zone;

    public FilterlogParser(String format, ZoneId zone) {
        this.format = format;
        this.zone = zone;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        Instant timestamp = record.receivedAt();
        String host = null;
        String csv = text;
        SyslogHeader header = SyslogHeader.parse(text, zone, record.receivedAt());
        if (header != null) {
            if (header.app() != null && !header.app().equals("filterlog")) {
                throw new ParseException("not a filterlog line: the syslog tag is '" + Texts.shorten(header.app()) + "'");
            }
            timestamp = header.timestamp();
            host = header.host();
            csv = header.message();
        } else if (text.contains("filterlog")) {
            int colon = text.indexOf(": ", text.indexOf("filterlog"));
            csv = colon < 0 ? text : text.substring(colon + 2);
        }
        String[] f = csv.strip().split(",", -1);
        if (f.length < 9) {
            throw new ParseException("filterlog CSV has " + f.length + " fields; at least 9 (rule to IP version) are expected");
        }
        boolean pfsense = format.equals(PFSENSE);
        Draft draft = Draft.at(timestamp, text)
                .source(pfsense ? "pfsense" : "opnsense", pfsense ? "pfsense.log" : "opnsense.log",
                        pfsense ? "Netgate" : "Deciso", pfsense ? "pfSense" : "OPNsense", "firewall");
        draft.put("observer.name", host);
        common(f, draft);
        int next = switch (f[8]) {
            case "4" -> ipv4(f, draft);
            case "6" -> ipv6(f, draft);
            default -> throw new ParseException("filterlog IP version is '" + Texts.shorten(f[8]) + "'; expected 4 or 6");
        };
        transport(f, next, draft);
        out.add(draft);
    }

    private static void common(String[] f, Draft draft) throws ParseException {
        draft.put("pfsense.rule_number", Numbers.whole("rule number", f[0]));
        if (!f[1].isEmpty()) {
            draft.put("pfsense.sub_rule_number", f[1]);
        }
        draft.put("pfsense.anchor", f[2]);
        draft.put("rule.id", f[3]);
        String direction = f[7];
        boolean in = direction.startsWith("in");
        draft.put(in ? "observer.ingress.interface.name" : "observer.egress.interface.name", f[4]);
        draft.put("event.reason", f[5]);
        String action = f[6];
        boolean denied = switch (action) {
            case "block", "reject" -> true;
            case "pass" -> false;
            default -> throw new ParseException("filterlog action is '" + Texts.shorten(action) + "'; expected pass, block or reject");
        };
        draft.classify("event", List.of("network"), List.of("connection", denied ? "denied" : "allowed"));
        draft.put("event.action", action);
        draft.put("network.direction", switch (direction) {
            case "in" -> "ingress";
            case "out" -> "egress";
            default -> "unknown";
        });
    }

    private static int ipv4(String[] f, Draft draft) throws ParseException {
        need(f, 20, "an IPv4 packet");
        draft.put("network.type", "ipv4");
        draft.put("pfsense.ip.tos", f[9]);
        draft.put("pfsense.ip.ecn", f[10]);
        draft.put("pfsense.ip.ttl", Numbers.whole("ttl", f[11]));
        draft.put("pfsense.ip.id", Numbers.whole("id", f[12]));
        draft.put("pfsense.ip.offset", Numbers.whole("offset", f[13]));
        draft.put("pfsense.ip.flags", f[14]);
        draft.put("network.iana_number", f[15]);
        draft.put("network.transport", f[16].toLowerCase(Locale.ROOT));
        draft.put("pfsense.ip.length", Numbers.whole("length", f[17]));
        addresses(f[18], f[19], draft);
        return 20;
    }

    private static int ipv6(String[] f, Draft draft) throws ParseException {
        need(f, 17, "an IPv6 packet");
        draft.put("network.type", "ipv6");
        draft.put("pfsense.ip.class", f[9]);
        draft.put("pfsense.ip.flow_label", f[10]);
        draft.put("pfsense.ip.hop_limit", Numbers.whole("hop limit", f[11]));
        draft.put("network.transport", f[12].toLowerCase(Locale.ROOT));
        draft.put("network.iana_number", f[13]);
        draft.put("pfsense.ip.length", Numbers.whole("length", f[14]));
        addresses(f[15], f[16], draft);
        return 17;
    }

    private static void addresses(String source, String destination, Draft draft) throws ParseException {
        draft.putIp("source.ip", source);
        draft.putIp("destination.ip", destination);
        draft.put("related.ip", List.of(source, destination));
    }

    private static void transport(String[] f, int i, Draft draft) throws ParseException {
        String protocol = f[8].equals("4") ? f[15] : f[13];
        switch (protocol) {
            case "6", "17" -> {
                need(f, i + 3, "TCP or UDP ports");
                draft.put("source.port", Numbers.port("source port", f[i]));
                draft.put("destination.port", Numbers.port("destination port", f[i + 1]));
                draft.put("pfsense.data_length", Numbers.whole("data length", f[i + 2]));
                if (protocol.equals("6") && f.length > i + 3) {
                    draft.put("pfsense.tcp.flags", f[i + 3]);
                    if (f.length > i + 6 && !f[i + 6].isEmpty()) {
                        draft.put("pfsense.tcp.window", Numbers.whole("window", f[i + 6]));
                    }
                    if (f.length > i + 8) {
                        draft.put("pfsense.tcp.options", List.of(f[i + 8].split(";")));
                    }
                }
            }
            case "1", "58" -> {
                if (f.length > i) {
                    draft.put("pfsense.icmp.type", f[i]);
                }
            }
            case "112" -> {
                if (f.length > i) {
                    draft.put("pfsense.carp.type", f[i]);
                }
            }
            default -> { } // other protocols carry no further fields worth a name
        }
    }

    private static void need(String[] f, int count, String what) throws ParseException {
        if (f.length < count) {
            throw new ParseException("filterlog CSV has " + f.length + " fields; " + what + " needs at least " + count);
        }
    }
}
