package com.ramparts.agent.config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Listens for syslog messages.
 *
 * @param udpPort         UDP port, -1 for none (0 picks a free port: tests)
 * @param tcpPort         TCP port, -1 for none
 * @param maxMessageBytes longer messages are cut and flagged truncated
 * @param queueCapacity   messages held between the listener and the pipeline; beyond it UDP messages
 *                        are dropped (and counted) and TCP senders are slowed down
 * @param maxConnections  concurrent TCP connections accepted
 * @param timezone        the zone of RFC 3164 timestamps, which carry none
 */
public record SyslogInputConfig(String id, String format, String host, int udpPort, int tcpPort,
                                int maxMessageBytes, int queueCapacity, int maxConnections, ZoneId timezone,
                                Duration silentAfter) implements InputConfig {

    @Override
    public String type() {
        return "syslog";
    }
}
