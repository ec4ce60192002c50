/**
 * Health: per-input counters (read, parsed, failed, spooled, shipped, dropped) and last-record
 * times, the host facts, and the heartbeat that turns them into {@code metric} and {@code state}
 * events, so the SOC can tell "quiet because all is well" from "the firewall stopped logging".
 *
 * <p>Depends on the telemetry model, the spool's statistics and the input seam.
 */
package com.ramparts.agent.health;
