package com.ramparts.agent.parse.iptables;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import com.ramparts.agent.parse.common.SyslogHeader;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** One kernel LOG line (in any of its wrappers) into one firewall event. */
public final class NetfilterLogParser extends BoundedParser {

    public static final String FORMAT = "iptables";

    private final ZoneId zone;

    public NetfilterLogParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        Instant timestamp = record.receivedAt();
        String host = null;
        String message = text;
        if (text.startsWith("{")) {
            Journal journal = journal(text);
            message = journal.message;
            host = journal.host;
            if (journal.realtime != null) {
                timestamp = journal.realtime;
            }
        } else if (isDmesgIso(text)) {
            // dmesg --time-format iso: "2026-11-22T03:47:07,269987+00:00 PREFIX IN=...", no host, no tag
            int space = text.indexOf(' ');
            timestamp = Timestamps.iso(text.substring(0, space), zone);
            message = text.substring(space + 1);
        } else {
            SyslogHeader header = SyslogHeader.parse(text, zone, record.receivedAt());
            if (header != null) {
                timestamp = header.timestamp();
                host = header.host();
                message = header.message();
            }
        }
        Draft draft = Draft.at(timestamp, text);
        PacketLog.parse(withoutUptime(message), draft);
        draft.put("host.name", host);
        draft.source("iptables", "iptables.log", "Linux", "Netfilter", "firewall");
        out.add(draft);
    }

    /** dmesg alone writes a comma before the fraction; syslog writers use a dot. */
    private static boolean isDmesgIso(String text) {
        return text.length() > 27 && text.charAt(4) == '-' && text.charAt(10) == 'T' && text.charAt(19) == ','
                && text.indexOf(' ') > 19;
    }

    /** Drops the kernel's "[ 2651.269987] " uptime stamp, which says nothing without the boot time. */
    private static String withoutUptime(String message) {
        if (message.startsWith("[")) {
            int close = message.indexOf("] ");
            if (close > 0 && close < 20 && message.substring(1, close).strip().matches("[0-9]+\\.[0-9]+")) {
                return message.substring(close + 2);
            }
        }
        return message;
    }

    private record Journal(String message, String host, Instant realtime) {
    }

    /** A {@code journalctl -o json} entry: MESSAGE, _HOSTNAME and __REALTIME_TIMESTAMP (microseconds). */
    private static Journal journal(String text) throws ParseException {
        String message = null;
        String host = null;
        Instant realtime = null;
        try (JsonParser p = Json.open(text)) {
            p.nextToken();
            Json.expectObject(p, "journal entry");
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "MESSAGE" -> {
                        if (p.currentToken() == JsonToken.START_ARRAY) {
                            throw new ParseException("MESSAGE: journald wrote it as bytes (not valid UTF-8); not a LOG line");
                        }
                        message = Json.text(p, name);
                    }
                    case "_HOSTNAME" -> host = Json.text(p, name);
                    case "__REALTIME_TIMESTAMP" -> {
                        long micros = Json.whole(p, name);
                        if (micros < 0 || micros > 253_402_300_799_000_000L) {
                            throw new ParseException(name + ": " + micros + " is not a time in years 1970 to 9999");
                        }
                        realtime = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
                    }
                    default -> Json.skip(p);
                }
            }
            Json.expectEnd(p);
        }
        if (message == null) {
            throw new ParseException("journal entry has no MESSAGE");
        }
        return new Journal(message, host, realtime);
    }

    static ParseException notALogLine(String message) {
        return new ParseException("not a netfilter LOG line: no IN= field in '" + Texts.shorten(message) + "'");
    }
}
