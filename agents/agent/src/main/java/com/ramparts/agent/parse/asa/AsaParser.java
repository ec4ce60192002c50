package com.ramparts.agent.parse.asa;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One ASA syslog line: the header (in any of the ASA's timestamp styles), the message id, the message. */
public final class AsaParser extends BoundedParser {

    public static final String FORMAT = "cisco-asa";

    private static final Pattern TAG = Pattern.compile("%(ASA|FTD|PIX)-([0-7])-([0-9]{6}): ?");
    private static final String[] LEVELS = {"emergency", "alert", "critical", "error", "warning", "notice",
            "informational", "debug"};

    private final ZoneId zone;

    public AsaParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        Matcher tag = TAG.matcher(text);
        if (!tag.find()) {
            throw new ParseException("not a Cisco ASA message: no %ASA-<level>-<id>: tag");
        }
        Header header = header(text.substring(0, tag.start()), record.receivedAt());
        int severity = tag.group(2).charAt(0) - '0';
        String id = tag.group(3);
        String message = text.substring(tag.end());
        Draft draft = Draft.at(header.timestamp, text)
                .source("cisco", "cisco.asa", "Cisco", tag.group(1).equals("FTD") ? "FTD" : "ASA", "firewall");
        draft.put("observer.hostname", header.host);
        draft.put("event.code", id);
        draft.put("event.severity", severity);
        draft.put("log.level", LEVELS[severity]);
        draft.put("message", message);
        if (!AsaMessages.map(id, message, draft)) {
            draft.classify("event", List.of("network"), List.of("info"));
        }
        out.add(draft);
    }

    private record Header(Instant timestamp, String host) {
    }

    /**
     * What precedes the tag: {@code <166>}, then a date ({@code Aug 28 2022 19:34:14}, {@code Nov 22 10:47:08},
     * or RFC 5424's {@code 2021-04-01T10:06:26Z}), then the device name, each optional, with stray colons.
     */
    private Header header(String prefix, Instant receivedAt) throws ParseException {
        String rest = prefix.strip();
        if (rest.startsWith("<") && rest.indexOf('>') > 0 && rest.indexOf('>') <= 4) {
            rest = rest.substring(rest.indexOf('>') + 1).strip();
        }
        if (rest.endsWith(":")) {
            rest = rest.substring(0, rest.length() - 1).strip();
        }
        if (rest.isEmpty()) {
            return new Header(receivedAt, null);
        }
        String[] words = rest.split(" +");
        Instant timestamp = receivedAt;
        int used = 0;
        if (Timestamps.month(words[0]) > 0 && words.length >= 3) {
            boolean withYear = words.length >= 4 && words[2].length() == 4 && Timestamps.digits(words[2], 0, 4) >= 0;
            String clock = strip(words[withYear ? 3 : 2]);
            if (withYear) {
                int[] hms = Timestamps.clock(clock);
                int day = Timestamps.digits(words[1], 0, words[1].length());
                if (hms == null || day < 0 || words[1].length() > 2) {
                    throw new ParseException("ASA timestamp '" + Texts.shorten(rest) + "' is not like 'Aug 28 2022 19:34:14'");
                }
                timestamp = Timestamps.of(rest, Timestamps.digits(words[2], 0, 4), Timestamps.month(words[0]), day,
                        hms[0], hms[1], hms[2], 0, zone);
                used = 4;
            } else {
                timestamp = Timestamps.bsd(words[0] + " " + words[1] + " " + clock, zone, receivedAt);
                used = 3;
            }
        } else if (words[0].length() >= 19 && words[0].charAt(4) == '-') {
            timestamp = Timestamps.iso(strip(words[0]), zone);
            used = 1;
        }
        String host = used < words.length ? strip(words[used]) : null;
        return new Header(timestamp, host == null || host.isEmpty() ? null : host);
    }

    private static String strip(String word) {
        return word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
    }
}
