/**
 * Sigma correlation rules evaluated on event time, in memory and deterministically: {@link
 * com.ramparts.detection.correlation.Correlator} keeps per-group state as small immutable records
 * ({@link com.ramparts.detection.correlation.GroupKey}, {@link
 * com.ramparts.detection.correlation.GroupState}) behind a {@link
 * com.ramparts.detection.correlation.StateStore}, so that soc's Kafka Streams topology can hold the
 * same state in a changelogged store. Emits {@link com.ramparts.detection.correlation.Alert}s.
 * Window and late-data semantics are described on {@code Correlator} and in docs/detection.md.
 *
 * <p>Uses {@code rule} and {@code compile} (for {@link com.ramparts.detection.compile.Match}) and
 * the telemetry event model; no Kafka.
 */
package com.ramparts.detection.correlation;
