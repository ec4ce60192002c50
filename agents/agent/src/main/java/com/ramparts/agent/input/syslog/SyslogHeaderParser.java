package com.ramparts.agent.input.syslog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Splits the header off a syslog message. Tolerant by design: appliances bend both RFCs, so
 * whatever does not fit is left in {@code message} rather than refused, and parsing never throws.
 *
 * <ul>
 *   <li>RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG}, "-" for nil.</li>
 *   <li>RFC 3164: {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG}; also an ISO-8601 timestamp
 *       (rsyslog) or {@code Mmm dd yyyy hh:mm:ss} (Cisco) in its place, and no hostname. The
 *       timestamp's zone is configured; its missing year is the one that puts it nearest before
 *       the time of receipt.</li>
 * </ul>
 */
public final class SyslogHeaderParser {

    private static final DateTimeFormatter BSD = DateTimeFormatter.ofPattern("yyyy MMM d HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter BSD_YEAR = DateTimeFormatter.ofPattern("MMM d yyyy HH:mm:ss", Locale.ROOT);
    private static final int MAX_TAG = 48;

    private final ZoneId zone;

    public SyslogHeaderParser(ZoneId zone) {
        this.zone = zone;
    }

    public SyslogMessage parse(String text, Instant receivedAt) {
        int priority = -1;
        int at = 0;
        if (text.startsWith("<")) {
            int close = text.indexOf('>');
            if (close >= 2 && close <= 4 && digits(text, 1, close)) {
                int value = Integer.parseInt(text.substring(1, close));
                if (value <= 191) {
                    priority = value;
                    at = close + 1;
                }
            }
        }
        if (priority < 0) {
            return new SyslogMessage(-1, -1, null, null, null, null, null, null, text);
        }
        if (text.startsWith("1 ", at)) {
            return rfc5424(text, at + 2, priority);
        }
        return rfc3164(text, at, priority, receivedAt);
    }

    private SyslogMessage rfc5424(String text, int start, int priority) {
        Cursor c = new Cursor(text, start);
        String timestamp = c.token();
        String hostname = nil(c.token());
        String appName = nil(c.token());
        String procId = nil(c.token());
        String msgId = nil(c.token());
        String structuredData = c.structuredData();
        String message = c.rest();
        if (message != null && message.startsWith("\uFEFF")) {
            message = message.substring(1);
        }
        return new SyslogMessage(priority, 1, instant5424(timestamp), hostname, appName, procId, msgId,
                structuredData, message == null ? "" : message);
    }

    private SyslogMessage rfc3164(String text, int start, int priority, Instant receivedAt) {
        int at = start;
        Instant timestamp = null;
        // Mmm dd hh:mm:ss (day space-padded), optionally with a year: "Mar  1 08:15:30", "Mar 01 2026 08:15:30"
        if (text.length() >= at + 15 && Character.isLetter(text.charAt(at))) {
            int yearEnd = at + 20;
            if (text.length() >= yearEnd && text.charAt(at + 6) == ' ' && digits(text, at + 7, at + 11)
                    && text.charAt(at + 11) == ' ') {
                timestamp = bsdWithYear(text.substring(at, yearEnd));
                if (timestamp != null) {
                    at = yearEnd;
                }
            }
            if (timestamp == null) {
                timestamp = bsd(text.substring(at, at + 15), receivedAt);
                if (timestamp != null) {
                    at += 15;
                }
            }
        } else if (text.length() > at && Character.isDigit(text.charAt(at))) {
            int space = text.indexOf(' ', at);
            timestamp = instant5424(space < 0 ? text.substring(at) : text.substring(at, space));
            if (timestamp != null) {
                at = space < 0 ? text.length() : space;
            }
        }
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        String hostname = null;
        if (timestamp != null) {
            int space = text.indexOf(' ', at);
            if (space > at) {
                String token = text.substring(at, space);
                if (!token.endsWith(":") && token.indexOf('[') < 0 && !token.startsWith("%")) {
                    hostname = token;
                    at = space + 1;
                }
            }
        }
        String appName = null;
        String procId = null;
        int tagEnd = tagEnd(text, at);
        if (tagEnd > at) {
            String tag = text.substring(at, tagEnd);
            int bracket = tag.indexOf('[');
            if (bracket > 0 && tag.endsWith("]")) {
                appName = tag.substring(0, bracket);
                procId = tag.substring(bracket + 1, tag.length() - 1);
            } else {
                appName = tag;
            }
            at = tagEnd + 1;
            if (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
        return new SyslogMessage(priority, 0, timestamp, hostname, appName, procId, null, null,
                text.substring(Math.min(at, text.length())));
    }

    /** Where a TAG ends (at its ':'), or -1 when the text does not start with one. */
    private static int tagEnd(String text, int at) {
        int limit = Math.min(text.length(), at + MAX_TAG);
        for (int i = at; i < limit; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i > at ? i : -1;
            }
            if (c == ' ') {
                return -1;
            }
        }
        return -1;
    }

    private Instant bsd(String text, Instant receivedAt) {
        try {
            String normalized = text.replace("  ", " ");
            ZonedDateTime received = receivedAt.atZone(zone);
            LocalDateTime local = LocalDateTime.parse(received.getYear() + " " + normalized, BSD);
            ZonedDateTime guess = local.atZone(zone);
            if (guess.isAfter(received.plusDays(1))) {
                guess = guess.minusYears(1); // sent on 31 December, received on 1 January
            }
            return guess.toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Instant bsdWithYear(String text) {
        try {
            return LocalDateTime.parse(text.replace("  ", " "), BSD_YEAR).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Instant instant5424(String text) {
        if (text == null || text.equals("-")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String nil(String token) {
        return token == null || token.equals("-") ? null : token;
    }

    private static boolean digits(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Reads RFC 5424 header tokens. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text, int at) {
            this.text = text;
            this.at = at;
        }

        String token() {
            if (at >= text.length()) {
                return null;
            }
            int space = text.indexOf(' ', at);
            String token = space < 0 ? text.substring(at) : text.substring(at, space);
            at = space < 0 ? text.length() : space + 1;
            return token;
        }

        /** "-" or one or more [id param="value"] elements, with \" \\ \] escapes inside values. */
        String structuredData() {
            if (at >= text.length()) {
                return null;
            }
            if (text.charAt(at) == '-') {
                at = Math.min(text.length(), at + 2);
                return null;
            }
            int start = at;
            while (at < text.length() && text.charAt(at) == '[') {
                boolean quoted = false;
                at++;
                while (at < text.length()) {
                    char c = text.charAt(at);
                    if (quoted && c == '\\') {
                        at += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (c == ']' && !quoted) {
                        break;
                    }
                    at++;
                }
                at++;
            }
            String data = text.substring(start, Math.min(at, text.length()));
            if (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            return data.isEmpty() ? null : data;
        }

        String rest() {
            return at >= text.length() ? null : text.substring(at);
        }
    }
}
