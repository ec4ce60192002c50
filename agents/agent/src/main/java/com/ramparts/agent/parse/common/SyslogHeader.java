package com.ramparts.agent.parse.common;

import com.ramparts.agent.parse.ParseException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The syslog header in front of a product's message, in the shapes it reaches a file or a socket:
 * RFC 5424 ({@code <134>1 2026-11-22T10:47:10.3+07:00 host app procid msgid [sd] msg}), RFC 3164 with a
 * BSD date ({@code Nov 22 10:47:08 host tag[pid]: msg}), the same with an RFC 3339 date (rsyslog's
 * default file format, {@code journalctl -o short-iso}), with or without {@code <PRI>} and host.
 *
 * @param timestamp      when the sender stamped the message
 * @param priority       the PRI value, or -1 when absent
 * @param host           the sending host, or null
 * @param app            the tag / APP-NAME without pid and colon, or null
 * @param procId         the pid / PROCID, or null
 * @param structuredData RFC 5424 structured data as written ({@code [id k="v"]...}), or null
 * @param message        the rest: the product's own message
 */
public record SyslogHeader(Instant timestamp, int priority, String host, String app, String procId,
                           String structuredData, String message) {

    /**
     * Reads the header, or returns null when the line does not start with one (the caller may then
     * treat the whole line as the message).
     *
     * @throws ParseException if a header is recognisable but its date is impossible
     */
    public static SyslogHeader parse(String line, ZoneId zone, Instant receivedAt) throws ParseException {
        int i = 0;
        int priority = -1;
        if (line.startsWith("<")) {
            int close = line.indexOf('>');
            if (close < 2 || close > 4 || !Numbers.isWhole(line.substring(1, close))) {
                return null;
            }
            priority = Integer.parseInt(line.substring(1, close));
            if (priority > 191) {
                return null;
            }
            i = close + 1;
        }
        if (line.startsWith("1 ", i)) {
            return rfc5424(line, i + 2, priority, zone);
        }
        return rfc3164(line, i, priority, zone, receivedAt);
    }

    private static SyslogHeader rfc5424(String line, int from, int priority, ZoneId zone) throws ParseException {
        String[] head = new String[5];
        int i = from;
        for (int k = 0; k < 5; k++) {
            int space = line.indexOf(' ', i);
            if (space < 0) {
                return null;
            }
            head[k] = line.substring(i, space);
            i = space + 1;
        }
        Instant timestamp = Timestamps.iso(head[0], zone);
        String sd = null;
        if (line.startsWith("- ", i) || line.equals("-") || i == line.length() - 1 && line.charAt(i) == '-') {
            i = Math.min(line.length(), i + 2);
        } else if (i < line.length() && line.charAt(i) == '[') {
            int end = structuredDataEnd(line, i);
            if (end < 0) {
                throw new ParseException("RFC 5424 structured data is not closed: '" + Texts.shorten(line.substring(i)) + "'");
            }
            sd = line.substring(i, end);
            i = end < line.length() && line.charAt(end) == ' ' ? end + 1 : end;
        }
        String message = i < line.length() ? line.substring(i) : "";
        if (message.startsWith("\uFEFF")) {
            message = message.substring(1); // RFC 5424's BOM before a UTF-8 MSG
        }
        return new SyslogHeader(timestamp, priority, nil(head[1]), nil(head[2]), nil(head[3]), sd, message);
    }

    /** The index just past the last ']' of a run of SD elements, honouring {@code \]} and quotes. */
    private static int structuredDataEnd(String line, int i) {
        while (i < line.length() && line.charAt(i) == '[') {
            boolean quoted = false;
            int j = i + 1;
            for (; j < line.length(); j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    j++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ']' && !quoted) {
                    break;
                }
            }
            if (j >= line.length()) {
                return -1;
            }
            i = j + 1;
            if (i < line.length() - 1 && line.charAt(i) == ' ' && line.charAt(i + 1) == '[') {
                i++; // Veeam separates its SD elements with a space
            }
        }
        return i;
    }

    private static SyslogHeader rfc3164(String line, int from, int priority, ZoneId zone, Instant receivedAt)
            throws ParseException {
        Instant timestamp;
        int i;
        if (line.length() >= from + 15 && Timestamps.month(line.substring(from, from + 3)) > 0 && line.charAt(from + 3) == ' ') {
            timestamp = Timestamps.bsd(line.substring(from, from + 15), zone, receivedAt);
            i = from + 15;
        } else if (line.length() >= from + 19 && Timestamps.digits(line, from, from + 4) >= 0 && line.charAt(from + 4) == '-') {
            int space = line.indexOf(' ', from);
            if (space < 0) {
                return null;
            }
            timestamp = Timestamps.iso(line.substring(from, space), zone);
            i = space;
        } else {
            return null;
        }
        if (i < line.length() && line.charAt(i) != ' ') {
            return null;
        }
        String rest = i < line.length() ? line.substring(i + 1) : "";
        String host = null;
        String first = word(rest);
        if (!first.isEmpty() && !isTag(first)) {
            host = first;
            rest = rest.substring(first.length()).stripLeading();
        }
        String tag = word(rest);
        String app = null;
        String pid = null;
        if (isTag(tag)) {
            rest = rest.substring(tag.length()).stripLeading();
            String name = tag.substring(0, tag.length() - 1);
            int bracket = name.indexOf('[');
            if (bracket > 0 && name.endsWith("]")) {
                pid = name.substring(bracket + 1, name.length() - 1);
                name = name.substring(0, bracket);
            }
            app = name;
        }
        return new SyslogHeader(timestamp, priority, host, app, pid, null, rest);
    }

    private static String word(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    /** {@code kernel:}, {@code filterlog[123]:}; not a bare {@code :} and not an IPv6 address. */
    private static boolean isTag(String word) {
        return word.length() > 1 && word.endsWith(":") && word.indexOf(':') == word.length() - 1;
    }

    private static String nil(String value) {
        return "-".equals(value) ? null : value;
    }
}
