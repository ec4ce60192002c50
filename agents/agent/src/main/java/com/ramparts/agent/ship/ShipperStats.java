package com.ramparts.agent.ship;

import java.time.Instant;

/**
 * What the shipper has done since it started.
 *
 * @param shipped     events acknowledged by Kafka
 * @param failures    send attempts that failed and were retried
 * @param lastAckAt   when Kafka last acknowledged something; null if never
 * @param lastError   the last failure; null if none since the last success
 * @param inFlight    events sent and not yet acknowledged
 */
public record ShipperStats(long shipped, long failures, Instant lastAckAt, String lastError, int inFlight) {
}
