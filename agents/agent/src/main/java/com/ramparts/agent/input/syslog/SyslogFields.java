package com.ramparts.agent.input.syslog;

import com.ramparts.agent.input.InputRecord.Decoration;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.InvalidEventException;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;

/**
 * The ECS {@code log.syslog.*} fields of a message, added to every event parsed from it unless
 * the parser set them, plus {@code log.source.address} (the sender).
 */
final class SyslogFields implements Decoration {

    private static final String[] FACILITIES = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
            "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0", "local1",
            "local2", "local3", "local4", "local5", "local6", "local7"};
    private static final String[] SEVERITIES = {"emergency", "alert", "critical", "error", "warning", "notice",
            "informational", "debug"};

    private final SyslogHeaderParser parser;
    private final String text;
    private final Instant receivedAt;
    private final String peer;
    private SyslogMessage header;

    SyslogFields(SyslogHeaderParser parser, String text, Instant receivedAt, String peer) {
        this.parser = parser;
        this.text = text;
        this.receivedAt = receivedAt;
        this.peer = peer;
    }

    /** Parsed on the worker thread when first needed, not on the receiving thread, which must keep up with floods. */
    SyslogMessage header() {
        if (header == null) {
            header = parser.parse(text, receivedAt);
        }
        return header;
    }

    @Override
    public void apply(TelemetryEvent.Builder draft) {
        SyslogMessage m = header();
        putIfAbsent(draft, "log.source.address", peer);
        if (m.priority() < 0) {
            return;
        }
        putIfAbsent(draft, "log.syslog.priority", m.priority());
        putIfAbsent(draft, "log.syslog.facility.code", m.facility());
        putIfAbsent(draft, "log.syslog.facility.name", FACILITIES[m.facility()]);
        putIfAbsent(draft, "log.syslog.severity.code", m.severity());
        putIfAbsent(draft, "log.syslog.severity.name", SEVERITIES[m.severity()]);
        putIfAbsent(draft, "log.syslog.version", String.valueOf(m.version()));
        putIfAbsent(draft, "log.syslog.hostname", m.hostname());
        putIfAbsent(draft, "log.syslog.appname", m.appName());
        putIfAbsent(draft, "log.syslog.procid", m.procId());
        putIfAbsent(draft, "log.syslog.msgid", m.msgId());
        putIfAbsent(draft, "log.syslog.structured_data", m.structuredData());
    }

    private static void putIfAbsent(TelemetryEvent.Builder draft, String name, String value) {
        if (value != null) {
            putIfAbsent(draft, name, FieldValue.of(value));
        }
    }

    private static void putIfAbsent(TelemetryEvent.Builder draft, String name, long value) {
        putIfAbsent(draft, name, FieldValue.of(value));
    }

    private static void putIfAbsent(TelemetryEvent.Builder draft, String name, FieldValue value) {
        if (draft.has(name)) {
            return;
        }
        try {
            draft.put(name, value);
        } catch (InvalidEventException e) {
            // the parser used this part of the namespace differently; its fields win
        }
    }
}
