/**
 * The correlator: a Kafka Streams application over {@code telemetry.events} that runs the detection
 * engine ({@code soc/detection}) per partition and publishes alerts on {@code soc.alerts}.
 * {@link com.ramparts.soc.correlation.CorrelationService} starts it with soc (unless
 * {@code ramparts.soc.correlation.enabled=false}); {@code rules} loads and reloads the rule
 * directory; {@code indicators} loads and reloads the IOC lists every event is matched against;
 * {@code absence} is Ramparts' own "a source went silent" rule type; {@code stream} holds
 * the topology, its state stores and the alert format. May depend on {@code config}, {@code site},
 * {@code ingest} (for the wire topics), the detection engine, the telemetry model, Kafka Streams and
 * Micrometer. Described in docs/soc-correlation.md.
 */
package com.ramparts.soc.correlation;
