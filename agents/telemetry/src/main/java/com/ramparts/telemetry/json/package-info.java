/**
 * The JSON wire form of {@link com.ramparts.telemetry.event.TelemetryEvent}: nested ECS JSON, as
 * shipped on Kafka and indexed into OpenSearch. {@link com.ramparts.telemetry.json.TelemetryJson}
 * writes and reads it with Jackson's streaming API (no data binding, no reflection, no trees), because
 * it sits on the hot paths of the agent's shipper and soc's consumers. Untrusted input is bounded by
 * {@link com.ramparts.telemetry.json.TelemetryLimits} and refused with a
 * {@link com.ramparts.telemetry.json.MalformedEventException} whose reason fits a dead-letter record.
 *
 * <p>Depends on the event model and {@code tools.jackson.core} only.
 */
package com.ramparts.telemetry.json;
