/**
 * Live security posture: a consumer of {@code telemetry.events} in its own group turns events into observations
 * ({@link com.ramparts.soc.posture.Observations}: firewall reporting, antivirus and its signatures per host,
 * backups, agent heartbeats), merges them into SQL as "latest time" values ({@link com.ramparts.soc.posture.PostureStore}),
 * and commits offsets only after that. {@link com.ramparts.soc.posture.PostureCalculator} judges sites, units,
 * districts and the city from that state, the site registry and the synced units (with their seal's state);
 * {@link com.ramparts.soc.posture.PostureSnapshots} records it for history. Drill events never touch posture.
 * May depend on {@code soc.config}, {@code soc.site}, {@code soc.unit}, {@code soc.lifecycle}, the telemetry model,
 * Kafka clients and Spring JDBC. The REST API is in {@code posture.api}.
 */
package com.ramparts.soc.posture;
