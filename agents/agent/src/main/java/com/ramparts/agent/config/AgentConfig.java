package com.ramparts.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the agent is configured with, validated.
 *
 * @param agentId           this agent's id: the first part of every event id
 * @param siteId            the site it reports for: the Kafka key of every event
 * @param unitId            the agency unit of the site, when known
 * @param dataDir           checkpoints (and, by default, the spool) live here
 * @param spool             the disk buffer
 * @param kafka             the destination
 * @param heartbeatInterval how often the agent reports its health
 * @param inputs            the sources, at least one
 * @param enrolment         the enrolled credentials to ship with and renew, when configured
 */
public record AgentConfig(String agentId, String siteId, Optional<String> unitId, Path dataDir, SpoolConfig spool,
                          KafkaConfig kafka, Duration heartbeatInterval, List<InputConfig> inputs,
                          Optional<EnrolmentConfig> enrolment) {

    /** A configuration without enrolment (TLS, if any, from {@code kafka.ssl}). */
    public AgentConfig(String agentId, String siteId, Optional<String> unitId, Path dataDir, SpoolConfig spool,
                       KafkaConfig kafka, Duration heartbeatInterval, List<InputConfig> inputs) {
        this(agentId, siteId, unitId, dataDir, spool, kafka, heartbeatInterval, inputs, Optional.empty());
    }

    /** The input id the heartbeat uses; no configured input may take it. */
    public static final String HEARTBEAT_INPUT_ID = "heartbeat";
}
