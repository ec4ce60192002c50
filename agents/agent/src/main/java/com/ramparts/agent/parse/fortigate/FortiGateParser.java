package com.ramparts.agent.parse.fortigate;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Numbers;
import com.ramparts.agent.parse.common.SyslogHeader;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One FortiGate log line into one event; type and subtype decide the ECS classification. */
public final class FortiGateParser extends BoundedParser {

    public static final String FORMAT = "fortigate";

    private static final Set<String> DENY = Set.of("deny", "block", "blocked", "dropped", "reset", "drop");
    /** Keys mapped to ECS; the rest are kept under fortinet.firewall.*. */
    private static final Set<String> MAPPED = Set.of("date", "time", "tz", "eventtime", "srcip", "dstip", "srcport",
            "dstport", "proto", "action", "policyid", "policyname", "poluuid", "sentbyte", "rcvdbyte", "sentpkt",
            "rcvdpkt", "duration", "devname", "devid", "logid", "level", "msg", "user", "srcmac", "dstmac", "srcintf",
            "dstintf", "service", "transip", "transport", "hostname", "url", "filename", "virus", "attack",
            "attackid", "virusid", "type", "subtype", "srccountry", "dstcountry", "status", "logdesc", "ui");
    private static final int MAX_EXTRA_FIELDS = 200;

    private final ZoneId zone;

    public FortiGateParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        String body = text;
        Instant headerTime = null;
        if (body.startsWith("<") && body.indexOf('>') > 0 && body.indexOf('>') < 5) {
            body = body.substring(body.indexOf('>') + 1);
        }
        if (!body.startsWith("date=") && !body.startsWith("logver=") && !body.startsWith("devname=")) {
            SyslogHeader header = SyslogHeader.parse(text, zone, record.receivedAt());
            if (header != null) {
                headerTime = header.timestamp();
                body = header.message();
            }
        }
        Map<String, String> kv = KeyValues.parse(body);
        if (!kv.containsKey("logid") || !kv.containsKey("type")) {
            throw new ParseException("not a FortiGate log: no logid and type keys");
        }
        Draft draft = Draft.at(timestamp(kv, headerTime == null ? record.receivedAt() : headerTime), text)
                .source("fortinet", "fortinet.firewall", "Fortinet", "FortiGate", "firewall");
        network(kv, draft);
        classify(kv, draft);
        describe(kv, draft);
        out.add(draft);
    }

    private Instant timestamp(Map<String, String> kv, Instant fallback) throws ParseException {
        String eventtime = kv.get("eventtime");
        if (eventtime != null && eventtime.matches("[0-9]{10,19}")) {
            long value;
            try {
                value = Long.parseLong(eventtime);
            } catch (NumberFormatException e) {
                throw new ParseException("eventtime " + eventtime + " is too large");
            }
            return switch (eventtime.length()) {
                case 19 -> Instant.ofEpochSecond(value / 1_000_000_000L, value % 1_000_000_000L);
                case 16 -> Instant.ofEpochSecond(value / 1_000_000L, (value % 1_000_000L) * 1_000L);
                case 13 -> Instant.ofEpochMilli(value);
                case 10 -> Instant.ofEpochSecond(value);
                default -> throw new ParseException("eventtime " + Texts.shorten(eventtime) + " is neither seconds, ms, µs nor ns");
            };
        }
        String date = kv.get("date");
        String time = kv.get("time");
        if (date != null && time != null) {
            String tz = kv.get("tz");
            ZoneId at = zone;
            if (tz != null) {
                try {
                    at = ZoneOffset.of(tz.length() == 5 ? tz.substring(0, 3) + ":" + tz.substring(3) : tz);
                } catch (java.time.DateTimeException e) {
                    throw new ParseException("tz: '" + Texts.shorten(tz) + "' is not a zone offset such as +0700");
                }
            }
            return Timestamps.iso(date + "T" + time, at);
        }
        return fallback;
    }

    private static void network(Map<String, String> kv, Draft draft) throws ParseException {
        draft.putIp("source.ip", kv.get("srcip"));
        draft.putIp("destination.ip", kv.get("dstip"));
        if (kv.containsKey("srcport")) {
            draft.put("source.port", Numbers.port("srcport", kv.get("srcport")));
        }
        if (kv.containsKey("dstport")) {
            draft.put("destination.port", Numbers.port("dstport", kv.get("dstport")));
        }
        String proto = kv.get("proto");
        if (proto != null) {
            draft.put("network.iana_number", proto);
            draft.put("network.transport", switch (proto) {
                case "6" -> "tcp";
                case "17" -> "udp";
                case "1" -> "icmp";
                case "58" -> "ipv6-icmp";
                default -> null;
            });
        }
        count(kv, "sentbyte", "source.bytes", draft);
        count(kv, "rcvdbyte", "destination.bytes", draft);
        count(kv, "sentpkt", "source.packets", draft);
        count(kv, "rcvdpkt", "destination.packets", draft);
        if (kv.containsKey("duration")) {
            draft.put("event.duration", Numbers.whole("duration", kv.get("duration")) * 1_000_000_000L);
        }
        draft.put("observer.ingress.interface.name", kv.get("srcintf"));
        draft.put("observer.egress.interface.name", kv.get("dstintf"));
        draft.putMac("source.mac", kv.get("srcmac"));
        draft.putMac("destination.mac", kv.get("dstmac"));
        draft.putIp("source.nat.ip", kv.get("transip"));
        if (kv.containsKey("transport")) {
            draft.put("source.nat.port", Numbers.port("transport", kv.get("transport")));
        }
        String service = kv.get("service");
        if (service != null) {
            draft.put("network.protocol", service.toLowerCase(Locale.ROOT));
        }
        country(kv.get("srccountry"), "source.geo.country_name", draft);
        country(kv.get("dstcountry"), "destination.geo.country_name", draft);
    }

    private static void classify(Map<String, String> kv, Draft draft) {
        String type = kv.get("type");
        String subtype = kv.getOrDefault("subtype", "");
        String action = kv.get("action");
        boolean denied = action != null && DENY.contains(action.toLowerCase(Locale.ROOT));
        String verdict = denied ? "denied" : "allowed";
        switch (type) {
            case "traffic" -> {
                draft.classify("event", List.of("network"), List.of("connection", verdict));
                draft.put("rule.id", kv.get("policyid"));
                draft.put("rule.name", kv.get("policyname"));
            }
            case "utm" -> {
                switch (subtype) {
                    case "virus" -> {
                        draft.classify("alert", List.of("malware"), List.of("info", verdict));
                        draft.put("rule.name", kv.get("virus"));
                        draft.put("rule.id", kv.get("virusid"));
                    }
                    case "ips", "anomaly" -> {
                        draft.classify("alert", List.of("network", "intrusion_detection"), List.of("info", verdict));
                        draft.put("rule.name", kv.get("attack"));
                        draft.put("rule.id", kv.get("attackid"));
                    }
                    case "webfilter" -> draft.classify("event", List.of("network", "web"), List.of("access", verdict));
                    case "emailfilter" -> draft.classify("event", List.of("email"), List.of("info", verdict));
                    default -> draft.classify("event", List.of("network"), List.of("info", verdict));
                }
            }
            case "event" -> {
                String status = kv.get("status");
                if (status != null) {
                    draft.put("event.outcome", status.startsWith("success") ? "success" : status.startsWith("fail") ? "failure" : null);
                }
                switch (subtype) {
                    case "user" -> draft.classify("event", List.of("authentication"), List.of("info"));
                    case "vpn" -> draft.classify("event", List.of("network", "authentication"), List.of("info"));
                    case "system" -> draft.classify("event", kv.containsKey("ui") && kv.getOrDefault("logdesc", "").contains("login")
                            ? List.of("authentication") : List.of("host"), List.of("info"));
                    default -> draft.classify("event", List.of("host"), List.of("info"));
                }
            }
            default -> draft.classify("event", List.of("network"), List.of("info"));
        }
        draft.put("event.action", action);
    }

    private static void describe(Map<String, String> kv, Draft draft) {
        draft.put("observer.name", kv.get("devname"));
        draft.put("observer.serial_number", kv.get("devid"));
        draft.put("event.code", kv.get("logid"));
        draft.put("log.level", kv.get("level"));
        draft.put("message", kv.containsKey("msg") ? kv.get("msg") : kv.get("logdesc"));
        draft.put("user.name", kv.get("user"));
        draft.put("url.domain", kv.get("hostname"));
        draft.put("url.original", kv.get("url"));
        draft.put("file.name", kv.get("filename"));
        draft.put("fortinet.firewall.type", kv.get("type"));
        draft.put("fortinet.firewall.subtype", kv.get("subtype"));
        draft.put("fortinet.firewall.policyid", kv.get("policyid"));
        draft.put("rule.uuid", kv.get("poluuid"));
        int extra = 0;
        for (Map.Entry<String, String> entry : kv.entrySet()) {
            if (!MAPPED.contains(entry.getKey()) && extra < MAX_EXTRA_FIELDS) {
                String name = "fortinet.firewall." + Texts.fieldSegment(entry.getKey());
                if (!draft.has(name)) {
                    draft.put(name, entry.getValue());
                    extra++;
                }
            }
        }
    }

    private static void count(Map<String, String> kv, String key, String field, Draft draft) throws ParseException {
        String value = kv.get(key);
        if (value != null) {
            draft.put(field, Numbers.whole(key, value));
        }
    }

    private static void country(String country, String field, Draft draft) {
        if (country != null && !country.equals("Reserved")) {
            draft.put(field, country);
        }
    }
}
