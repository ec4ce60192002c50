/**
 * Veeam Backup &amp; Replication's syslog events (RFC 5424 with the event's parameters as structured
 * data, version 12 and later) into ECS backup events: job and task results with their outcome, other
 * events kept with their id. Built from Veeam's Event Reference, since no Veeam server runs here.
 *
 * <p>Depends on {@code parse.common} only.
 */
package com.ramparts.agent.parse.veeam;
