package com.ramparts.agent.input.syslog;

import java.time.Instant;

/**
 * A syslog message split into its header fields. Fields a message does not carry are null
 * ({@code priority} and {@code version} -1).
 *
 * @param priority       PRI, facility * 8 + severity
 * @param version        1 for RFC 5424, 0 for RFC 3164 (BSD), -1 when there was no header
 * @param timestamp      the header's time
 * @param hostname       HOSTNAME
 * @param appName        APP-NAME (RFC 5424) or the TAG (RFC 3164)
 * @param procId         PROCID, or the [pid] after an RFC 3164 tag
 * @param msgId          MSGID (RFC 5424 only)
 * @param structuredData the STRUCTURED-DATA elements as written (RFC 5424 only)
 * @param message        MSG: the free text after the header
 */
public record SyslogMessage(int priority, int version, Instant timestamp, String hostname, String appName,
                            String procId, String msgId, String structuredData, String message) {

    public int facility() {
        return priority < 0 ? -1 : priority >> 3;
    }

    public int severity() {
        return priority < 0 ? -1 : priority & 7;
    }
}
